/** Calendar days in UTC, as `@db.Date` columns store and read them back. */

export const DAY_MS = 86_400_000;

/** The UTC calendar day of `at`, as a date at midnight UTC. */
export const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** `days` calendar days after the day of `at`. */
export const addDays = (at: Date, days: number) => new Date(dayOf(at).getTime() + days * DAY_MS);

/** `months` calendar months after the day of `at` (31 Jan + 1 month = 3 Mar, as `Date` rolls over). */
export function addMonths(at: Date, months: number) {
  const d = dayOf(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
