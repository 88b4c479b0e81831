import { Prisma } from '../../generated/prisma/client.js';
import type { DbClient } from '../../db.js';

/**
 * The counts behind the figures: raw, parameterised SQL, each statement filtered by the municipality
 * (the distribution key) and grouped in the database, so a year of figures is a handful of small
 * result sets whatever the number of cases. Only columns that survive anonymisation are counted
 * (cohort, source, urgency, status, stage, closure reason, months, birth year, intervention type and
 * status): never a name or any free text.
 */

/** The period as instants: local midnight of its first day, and of the day after its last (exclusive). */
export interface Window {
  municipalityId: string;
  timeZone: string;
  /** "2026-01-01" */
  start: string;
  /** "2027-01-01" (exclusive) */
  end: string;
  /** Today where the municipality is, "2026-12-05". */
  today: string;
}

const at = (day: string, timeZone: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE ${timeZone})`;
const monthOf = (column: Prisma.Sql, timeZone: string) => Prisma.sql`to_char(${column} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;

/**
 * The local midnights that start each month (`step` '1 month') or day ('1 day') after the period's first, as
 * instants: `width_bucket(at, …)` then places a time in its local month or day by comparison alone, where
 * converting every row's time to the local clock cost more than reading it (290k referrals a year).
 */
const starts = (w: Window, step: '1 month' | '1 day', until: Prisma.Sql) =>
  Prisma.sql`(SELECT array_agg(d::timestamp AT TIME ZONE ${w.timeZone} ORDER BY d)
                FROM generate_series(${w.start}::date + ${step}::interval, ${until}, ${step}::interval) AS d)`;

/**
 * Referrals submitted in the period by month, cohort, source and urgency: grouped by the month's number
 * and the enums themselves, named after, read index-only (referral_statistics_idx).
 */
export function referralCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ month: string; cohort: string; source: string; urgency: string; n: number }[]>`
    SELECT to_char(${w.start}::date + make_interval(months => m), 'YYYY-MM') AS month, cohort::text AS cohort, source::text AS source,
           urgency::text AS urgency, n
      FROM (SELECT width_bucket(submitted_at, ${starts(w, '1 month', Prisma.sql`${w.end}::date - 1`)}) AS m, cohort, source, urgency, count(*)::int AS n
              FROM referral
             WHERE municipality_id = ${w.municipalityId}::uuid
               AND submitted_at >= ${at(w.start, w.timeZone)} AND submitted_at < ${at(w.end, w.timeZone)}
             GROUP BY 1, 2, 3, 4) AS counted`;
}

/** Referrals submitted in the period by month, local day submitted and local day decided (null: waiting). */
export function screeningCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ month: string; submitted: string; decided: string | null; n: number }[]>`
    SELECT to_char(submitted, 'YYYY-MM') AS month, submitted::text AS submitted, decided::text AS decided, n
      FROM (SELECT ${w.start}::date + d AS submitted, decided, n
              FROM (SELECT width_bucket(submitted_at, ${starts(w, '1 day', Prisma.sql`${w.end}::date - 1`)}) AS d,
                           (decided_at AT TIME ZONE ${w.timeZone})::date AS decided, count(*)::int AS n
                      FROM referral
                     WHERE municipality_id = ${w.municipalityId}::uuid
                       AND submitted_at >= ${at(w.start, w.timeZone)} AND submitted_at < ${at(w.end, w.timeZone)}
                     GROUP BY 1, 2) AS by_day) AS counted`;
}

/** Cases opened in the period by their stage today and the person's age band in the year the case opened. */
export function caseCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ stage: string; band: string; n: number }[]>`
    SELECT stage, CASE WHEN age IS NULL THEN 'unknown' WHEN age < 15 THEN 'under_15' WHEN age < 18 THEN '15_17'
                       WHEN age < 25 THEN '18_24' WHEN age < 40 THEN '25_39' ELSE '40_plus' END AS band, count(*)::int AS n
      FROM (SELECT c.stage::text AS stage, extract(year FROM c.opened_at AT TIME ZONE ${w.timeZone})::int - p.birth_year AS age
              FROM case_record c JOIN person p ON p.id = c.person_id AND p.municipality_id = c.municipality_id
             WHERE c.municipality_id = ${w.municipalityId}::uuid
               AND c.opened_at >= ${at(w.start, w.timeZone)} AND c.opened_at < ${at(w.end, w.timeZone)}) AS opened
     GROUP BY 1, 2`;
}

/** Interventions planned in the period by type, responsible agency and status (their outcome so far). */
export function interventionCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ type: string; agency_id: string; agency: string; status: string; n: number }[]>`
    SELECT i.type::text AS type, i.agency_id::text AS agency_id, min(a.name) AS agency, i.status::text AS status, count(*)::int AS n
      FROM intervention i JOIN agency a ON a.id = i.agency_id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = ${w.municipalityId}::uuid
       AND i.created_at >= ${at(w.start, w.timeZone)} AND i.created_at < ${at(w.end, w.timeZone)}
     GROUP BY 1, 2, 4`;
}

/** Open cases whose review date has passed, today, by stage and days overdue. */
export function overdueReviewCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ stage: string; band: string; n: number }[]>`
    SELECT stage, CASE WHEN late <= 7 THEN '1_7' WHEN late <= 30 THEN '8_30' WHEN late <= 90 THEN '31_90' ELSE 'over_90' END AS band,
           count(*)::int AS n
      FROM (SELECT stage::text AS stage, ${w.today}::date - next_review_at AS late
              FROM case_record
             WHERE municipality_id = ${w.municipalityId}::uuid AND next_review_at < ${w.today}::date
               AND stage NOT IN ('closed', 'follow_up')) AS due
     GROUP BY 1, 2`;
}

/** Cases closed in the period by month, closure reason and what became of the follow-up check (as of today). */
export function closureCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ month: string; reason: string; follow_up: string; n: number }[]>`
    SELECT ${monthOf(Prisma.sql`closed_at`, w.timeZone)} AS month, coalesce(closure_reason::text, 'unrecorded') AS reason,
           CASE WHEN stage = 'follow_up' THEN 'done' WHEN follow_up_at IS NULL THEN 'none'
                WHEN follow_up_at >= ${w.today}::date THEN 'scheduled' ELSE 'overdue' END AS follow_up,
           count(*)::int AS n
      FROM case_record
     WHERE municipality_id = ${w.municipalityId}::uuid AND stage IN ('closed', 'follow_up')
       AND closed_at >= ${at(w.start, w.timeZone)} AND closed_at < ${at(w.end, w.timeZone)}
     GROUP BY 1, 2, 3`;
}

/** The municipality's public holidays from `start` to 90 days after `end` (screening spans the period's end). */
export async function holidaysAround(db: DbClient, w: Window) {
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT date::text AS day FROM public_holiday
     WHERE municipality_id = ${w.municipalityId}::uuid AND date >= ${w.start}::date AND date < ${w.end}::date + 90`;
  return new Set(rows.map((r) => r.day));
}

/** The local year of the municipality's first record counted here (referral, case or intervention); null: none yet. */
export async function firstYear(db: DbClient, municipalityId: string, timeZone: string) {
  const rows = await db.$queryRaw<{ year: number | null }[]>`
    SELECT extract(year FROM least(
             (SELECT min(submitted_at) FROM referral WHERE municipality_id = ${municipalityId}::uuid),
             (SELECT min(opened_at) FROM case_record WHERE municipality_id = ${municipalityId}::uuid),
             (SELECT min(created_at) FROM intervention WHERE municipality_id = ${municipalityId}::uuid)
           ) AT TIME ZONE ${timeZone})::int AS year`;
  return rows[0]?.year ?? null;
}
