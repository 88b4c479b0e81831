import type { DbClient } from '../../src/db.js';
import type { Window } from '../../src/modules/statistics/queries.js';

/**
 * The referral figures counted straight from the referrals, in the plainest SQL (each time turned into the
 * municipality's local time): what the monthly tallies (src/modules/statistics/tally.ts) must always equal.
 * Sorted, for comparison.
 */
export async function directCounts(db: DbClient, w: Window) {
  const referrals = await db.$queryRaw<{ month: string; cohort: string; source: string; urgency: string; n: number }[]>`
    SELECT to_char(submitted_at AT TIME ZONE ${w.timeZone}, 'YYYY-MM') AS month, cohort::text AS cohort, source::text AS source,
           urgency::text AS urgency, count(*)::int AS n
      FROM referral
     WHERE municipality_id = ${w.municipalityId}::uuid
       AND (submitted_at AT TIME ZONE ${w.timeZone})::date >= ${w.start}::date
       AND (submitted_at AT TIME ZONE ${w.timeZone})::date < ${w.end}::date
     GROUP BY 1, 2, 3, 4`;
  const screening = await db.$queryRaw<{ month: string; submitted: string; decided: string | null; n: number }[]>`
    SELECT to_char(submitted_at AT TIME ZONE ${w.timeZone}, 'YYYY-MM') AS month,
           (submitted_at AT TIME ZONE ${w.timeZone})::date::text AS submitted,
           (decided_at AT TIME ZONE ${w.timeZone})::date::text AS decided, count(*)::int AS n
      FROM referral
     WHERE municipality_id = ${w.municipalityId}::uuid
       AND (submitted_at AT TIME ZONE ${w.timeZone})::date >= ${w.start}::date
       AND (submitted_at AT TIME ZONE ${w.timeZone})::date < ${w.end}::date
     GROUP BY 1, 2, 3`;
  return sorted({ referrals, screening });
}

/** The counts in one order, whichever order they came in. */
export function sorted<T extends { referrals: object[]; screening: object[] }>(c: T) {
  const key = (o: object) => JSON.stringify(Object.entries(o).sort());
  const order = <R extends object>(rows: R[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return { referrals: order(c.referrals), screening: order(c.screening) };
}
