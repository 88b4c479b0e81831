import { Prisma } from '../../generated/prisma/client.js';
import { TRANSACTION_LIMITS } from '../../audit/writer.js';
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

/**
 * Runs the counts one after another in one read-only snapshot (REPEATABLE READ), so figures that share a
 * total agree, and without parallel workers: at 100k cases the planner gave the cases' count two workers,
 * three processes for ~50 ms of work, which cost a request more CPU than it saved once several figures were
 * asked at once. Inside a caller's transaction (the CSV export) they run in it.
 */
export async function inOneSnapshot<T>(db: DbClient, work: (tx: DbClient) => Promise<T>): Promise<T> {
  const run = async (tx: DbClient) => {
    await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`;
    return work(tx);
  };
  if (!('$transaction' in db)) return run(db);
  return db.$transaction(run, { ...TRANSACTION_LIMITS, isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
}

const at = (day: string, timeZone: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE ${timeZone})`;
const monthOf = (column: Prisma.Sql, timeZone: string) => Prisma.sql`to_char(${column} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;

/**
 * Cases opened in the period by their stage today and the person's age band in the year the case opened (the
 * period is one local calendar year): the birth year the case carries, kept from the person's by the
 * database, so the period is read index-only (case_record_statistics_idx) and grouped before any arithmetic.
 */
export function caseCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ stage: string; band: string; n: number }[]>`
    SELECT stage::text AS stage, CASE WHEN age IS NULL THEN 'unknown' WHEN age < 15 THEN 'under_15' WHEN age < 18 THEN '15_17'
                       WHEN age < 25 THEN '18_24' WHEN age < 40 THEN '25_39' ELSE '40_plus' END AS band, sum(n)::int AS n
      FROM (SELECT stage, extract(year FROM ${w.start}::date)::int - person_birth_year AS age, count(*) AS n
              FROM case_record
             WHERE municipality_id = ${w.municipalityId}::uuid
               AND opened_at >= ${at(w.start, w.timeZone)} AND opened_at < ${at(w.end, w.timeZone)}
             GROUP BY stage, person_birth_year) AS opened
     GROUP BY 1, 2`;
}

/**
 * Interventions planned in the period by type, responsible agency and status (their outcome so far): grouped on
 * the index's own columns (intervention_statistics_idx), then named.
 */
export function interventionCounts(db: DbClient, w: Window) {
  return db.$queryRaw<{ type: string; agency_id: string; agency: string; status: string; n: number }[]>`
    SELECT i.type::text AS type, i.agency_id::text AS agency_id, a.name AS agency, i.status::text AS status, i.n
      FROM (SELECT type, agency_id, status, count(*)::int AS n
              FROM intervention
             WHERE municipality_id = ${w.municipalityId}::uuid
               AND created_at >= ${at(w.start, w.timeZone)} AND created_at < ${at(w.end, w.timeZone)}
             GROUP BY 1, 2, 3) AS i
      JOIN agency a ON a.id = i.agency_id AND a.municipality_id = ${w.municipalityId}::uuid`;
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
