/** Calendar days as `@db.Date` columns store them (midnight UTC). "Today" is the day where the municipality is: `dayIn`. */

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

const formats = new Map<string, Intl.DateTimeFormat>();

/** The day formatter of a zone, made once: en-CA writes YYYY-MM-DD, with Latin digits asked for. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    try {
      format = new Intl.DateTimeFormat('en-CA-u-nu-latn', { ...options, timeZone: timeZone || 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en-CA-u-nu-latn', { ...options, timeZone: 'UTC' }); // an unknown zone reads as UTC
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** "2026-01-15": the calendar day of `at` in `timeZone` (an IANA zone; '' reads as UTC). */
export const isoDayIn = (at: Date, timeZone: string) => dayFormat(timeZone).format(at);

/**
 * The calendar day of `at` where the municipality is, as a date at midnight UTC (as `@db.Date` columns
 * store days): at 00:30 in Amman (21:30 UTC the day before), it is already the next day there.
 */
export const dayIn = (at: Date, timeZone: string) => new Date(`${isoDayIn(at, timeZone)}T00:00:00Z`);

/** `days` calendar days after the day of `at` in `timeZone`. */
export const addDaysIn = (at: Date, timeZone: string, days: number) => new Date(dayIn(at, timeZone).getTime() + days * DAY_MS);

/** `months` calendar months after the day of `at` in `timeZone` (31 Jan + 1 month = 3 Mar). */
export const addMonthsIn = (at: Date, timeZone: string, months: number) => addMonths(dayIn(at, timeZone), months);
