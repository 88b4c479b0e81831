import { DAY_MS, isoDayIn } from '../../shared/days.js';

/** Days of the week off work, 0 = Sunday … 6 = Saturday. */
export type Weekend = ReadonlySet<number>;

/** A municipality's working calendar: its zone, its weekend and its public holidays ("2026-03-20"). */
export interface WorkCalendar {
  timeZone: string;
  weekend: Weekend;
  holidays: ReadonlySet<string>;
}

/** Saturday and Sunday: the working week is Monday to Friday. */
export const SATURDAY_SUNDAY: Weekend = new Set([6, 0]);

/** Monday to Friday by UTC date, with no holidays: the calendar when nothing else is known. */
export const PLAIN_CALENDAR: WorkCalendar = { timeZone: 'UTC', weekend: SATURDAY_SUNDAY, holidays: new Set() };

/** Calendar days since 1970-01-01 (a Thursday) of a "YYYY-MM-DD" day. */
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: number) => (day + 4) % 7;

/** A calendar given as a bare weekend (Monday–Friday style callers) or in full. */
const full = (c: WorkCalendar | Weekend): WorkCalendar => ('timeZone' in c ? c : { ...PLAIN_CALENDAR, weekend: c });

/**
 * Working days from `from` to `to`: the working days after `from`'s date up to and including `to`'s
 * date, by the calendar date where the municipality is (time of day does not count); weekend days and
 * public holidays are not working days. Submitted on a Thursday in a Monday–Friday town, a referral is
 * 1 working day old on Friday and over the weekend, and 5 the next Thursday. Zero when `to` is on or
 * before `from`'s date.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkCalendar | Weekend = PLAIN_CALENDAR): number {
  const { timeZone, weekend, holidays } = full(calendar);
  const start = dayNumber(isoDayIn(from, timeZone));
  const end = dayNumber(isoDayIn(to, timeZone));
  if (end <= start) return 0;
  const weeks = Math.floor((end - start) / 7);
  let count = weeks * (7 - weekend.size);
  for (let day = start + weeks * 7 + 1; day <= end; day++) if (!weekend.has(weekday(day))) count++;
  // A holiday on a working day in the span is one working day fewer (the list is short: walk it).
  for (const h of holidays) {
    const day = dayNumber(h);
    if (day > start && day <= end && !weekend.has(weekday(day))) count--;
  }
  return count;
}

/** Whether `iso` ("2026-01-15") is a working day in `calendar`. */
export function isWorkingDay(iso: string, calendar: WorkCalendar): boolean {
  return !calendar.weekend.has(weekday(dayNumber(iso))) && !calendar.holidays.has(iso);
}

/**
 * The day (midnight UTC, as `@db.Date` stores it) `count` working days after `from`'s local date:
 * the screening deadline of a referral submitted at `from` with an SLA of `count` working days.
 * With no working day in a whole week (a misconfigured weekend) it stops rather than loop.
 */
export function addWorkingDays(from: Date, count: number, calendar: WorkCalendar): Date {
  let day = dayNumber(isoDayIn(from, calendar.timeZone));
  for (let left = count, idle = 0; left > 0 && idle < 366; ) {
    day++;
    if (isWorkingDay(isoOf(day), calendar)) {
      left--;
      idle = 0;
    } else idle++;
  }
  return new Date(day * DAY_MS);
}
