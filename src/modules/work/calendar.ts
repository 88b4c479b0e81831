import type { DbClient } from '../../db.js';
import { addDaysIn, dayIn } from '../../shared/days.js';
import type { WorkCalendar } from '../referrals/working-days.js';

/** A municipality's calendar and the day it is there now. */
export interface MunicipalCalendar extends WorkCalendar {
  /** Today where the municipality is, at midnight UTC (as `@db.Date` columns store days). */
  today: Date;
}

/**
 * The working calendar of a municipality at `now`: its time zone and weekend (the flag settings'
 * columns, filled by country) and its public holidays from a year back (older ones never fall inside
 * a deadline that is still running).
 */
export async function loadCalendar(db: DbClient, municipalityId: string, now: Date): Promise<MunicipalCalendar> {
  const m = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true, weekendDays: true } });
  const timeZone = m.timeZone || 'UTC';
  const holidays = await db.publicHoliday.findMany({
    where: { municipalityId, date: { gte: addDaysIn(now, timeZone, -366) } },
    select: { date: true },
  });
  return {
    timeZone,
    weekend: new Set(m.weekendDays),
    holidays: new Set(holidays.map((h) => h.date.toISOString().slice(0, 10))),
    today: dayIn(now, timeZone),
  };
}

/** Today where the municipality is (midnight UTC of its local date), for a filter or a bound. */
export async function municipalToday(db: DbClient, municipalityId: string, now: Date): Promise<Date> {
  const m = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true } });
  return dayIn(now, m.timeZone || 'UTC');
}
