import { Prisma } from '../../generated/prisma/client.js';
import { DAY_MS, isoDayIn } from '../../shared/days.js';

/** The hour the daily digest goes out, on the recipient's municipality's clock. */
export const DIGEST_HOUR = 6;

const zoneParts = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock (year … second) at `at`, read back as if it were UTC: the zone's offset is the difference. */
function offsetMs(at: Date, timeZone: string): number {
  let format = zoneParts.get(timeZone);
  if (!format) {
    const options = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    } as const;
    try {
      format = new Intl.DateTimeFormat('en-US-u-nu-latn', { ...options, timeZone: timeZone || 'UTC' });
    } catch {
      // An unknown zone reads as UTC, as in shared/days.
      format = new Intl.DateTimeFormat('en-US-u-nu-latn', { ...options, timeZone: 'UTC' });
    }
    zoneParts.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the wall clock in `timeZone` shows `hour`:00 on the calendar day `day` ("2026-06-03"). */
export function wallClockAt(day: string, hour: number, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000;
  // Twice: the offset at the first guess may differ from the one at the answer (a change of daylight time between them).
  const first = asUtc - offsetMs(new Date(asUtc), timeZone);
  return new Date(asUtc - offsetMs(new Date(first), timeZone));
}

/**
 * When a digest alert raised at `now` goes out: the first 06:00 after `now` on the clock of the
 * recipient's municipality (`timeZone`, an IANA zone; '' reads as UTC). At 05:30 in Amman that is the
 * same morning; at 00:30 there (21:30 UTC the day before) also that morning, not the next.
 */
export function nextDigestAt(now: Date, timeZone: string): Date {
  const today = isoDayIn(now, timeZone);
  const at = wallClockAt(today, DIGEST_HOUR, timeZone);
  if (at > now) return at;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return wallClockAt(tomorrow, DIGEST_HOUR, timeZone);
}

/**
 * The same instant in SQL, for the job's queries that queue alerts of many municipalities at once:
 * `zone` is a text expression (the municipality's time_zone, checked against PostgreSQL's zones by
 * `digestZone`), `now` the run's time.
 */
export function nextDigestSql(now: Date, zone: Prisma.Sql): Prisma.Sql {
  const local = (days: number) =>
    Prisma.sql`((((${now}::timestamptz AT TIME ZONE ${zone})::date + ${days}::int)
                + make_time(${DIGEST_HOUR}::int, 0, 0)) AT TIME ZONE ${zone})`;
  return Prisma.sql`(CASE WHEN ${local(0)} > ${now}::timestamptz THEN ${local(0)} ELSE ${local(1)} END)`;
}

/** A municipality's zone as SQL text: its time_zone when PostgreSQL knows it, else UTC (a bad zone must not stop the job). */
export const digestZone = (column: Prisma.Sql) =>
  Prisma.sql`(CASE WHEN ${column} IN (SELECT name FROM pg_timezone_names) THEN ${column} ELSE 'UTC' END)`;
