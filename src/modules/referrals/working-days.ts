import { DAY_MS } from '../../shared/days.js';

/** Days of the week off work, 0 = Sunday … 6 = Saturday. */
export type Weekend = ReadonlySet<number>;

/** Saturday and Sunday: the working week is Monday to Friday. */
export const SATURDAY_SUNDAY: Weekend = new Set([6, 0]);

/** Calendar days since 1970-01-01 (a Thursday), by the UTC date. */
const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY_MS);
const weekday = (day: number) => (day + 4) % 7;

/**
 * Working days from `from` to `to`: the working days after `from`'s date up to and including
 * `to`'s date, by UTC calendar date (time of day does not count). Submitted on a Thursday, a
 * referral is 1 working day old on Friday and on the weekend, and 5 the next Thursday.
 * Zero when `to` is on or before `from`'s date.
 */
export function workingDaysBetween(from: Date, to: Date, weekend: Weekend = SATURDAY_SUNDAY): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end <= start) return 0;
  const weeks = Math.floor((end - start) / 7);
  let count = weeks * (7 - weekend.size);
  for (let day = start + weeks * 7 + 1; day <= end; day++) if (!weekend.has(weekday(day))) count++;
  return count;
}
