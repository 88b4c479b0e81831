/** Dates picked in `<input type="date">` fields, read and written in the user's local time. */

/** A day picked in a date field, as the local midnight that starts it. */
export function startOfDay(value: string): Date | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** A date as a date field's value, "2026-01-15", by its local calendar day. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The same local time of day, `days` calendar days later (or earlier when negative). */
export function addDays(date: Date, days: number): Date {
  const later = new Date(date);
  later.setDate(later.getDate() + days);
  return later;
}

/** `day`'s calendar date at `time`'s time of day: "in 30 days" picked as a date keeps the hour of now. */
export function atTimeOf(day: Date, time: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), time.getHours(), time.getMinutes(), time.getSeconds());
}
