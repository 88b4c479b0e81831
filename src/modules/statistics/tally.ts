import { Prisma } from '../../generated/prisma/client.js';
import { inTransaction } from '../../audit/writer.js';
import { rawQuery, type DbClient } from '../../db.js';
import type { Window } from './queries.js';

/**
 * The referral figures of a window, from the monthly tallies (migration 20261208010000_referral_tally): the
 * same counts as counting the referrals, without reading half a million of them for a year at 100k cases.
 *
 * A month is counted from the referrals once, when first asked, and kept until a writer adds, changes or
 * removes a referral in it (the database's triggers drop it); the next reader counts it again. The fast path
 * is one statement (one snapshot): when every month of the window is there, its counts are complete, since a
 * month and its counts are dropped together. Otherwise the missing months are counted under the
 * municipality's tally lock, which waits for the writers in flight and holds the next ones back, and the
 * window is read in that same transaction.
 */

export interface ReferralCount {
  month: string;
  cohort: string;
  source: string;
  urgency: string;
  n: number;
}
export interface ScreeningCount {
  month: string;
  submitted: string;
  decided: string | null;
  n: number;
}
export interface ReferralTallies {
  referrals: ReferralCount[];
  screening: ScreeningCount[];
}

interface Row {
  kind: 'month' | 'referral' | 'screening';
  month: string;
  cohort: string | null;
  source: string | null;
  urgency: string | null;
  submitted: string | null;
  decided: string | null;
  n: number;
}

/** The first days of the window's months: "2026-01-01" … "2026-12-01". */
export function monthsOf(w: Pick<Window, 'start' | 'end'>): string[] {
  const out: string[] = [];
  const [y, m] = w.start.split('-').map(Number) as [number, number];
  for (let i = 0; ; i++) {
    const d = new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 10);
    if (d >= w.end) return out;
    out.push(d);
  }
}

/** The window's tallies in one statement, with the months present (a month without a row is not counted yet). */
function read(db: DbClient, w: Window) {
  const where = Prisma.sql`municipality_id = ${w.municipalityId}::uuid AND time_zone = ${w.timeZone}
                           AND month >= ${w.start}::date AND month < ${w.end}::date`;
  return rawQuery<Row>(
    db,
    Prisma.sql`
      SELECT 'month' AS kind, month::text AS month, NULL AS cohort, NULL AS source, NULL AS urgency, NULL AS submitted,
             NULL AS decided, 0 AS n
        FROM referral_tally_month WHERE ${where}
      UNION ALL
      SELECT 'referral', month::text, cohort::text, source::text, urgency::text, NULL, NULL, n FROM referral_tally WHERE ${where}
      UNION ALL
      SELECT 'screening', month::text, NULL, NULL, NULL, submitted::text, decided::text, n FROM screening_tally WHERE ${where}`,
  );
}

/**
 * Counts the given months from the referrals and keeps them, in one statement. Run under the tally lock;
 * a month another reader counted meanwhile is left as it is (ON CONFLICT DO NOTHING, then not counted).
 */
function fill(db: DbClient, w: Window, months: string[]) {
  return db.$executeRaw`
    WITH fresh AS (
      INSERT INTO referral_tally_month (municipality_id, time_zone, month, starts, ends)
      SELECT ${w.municipalityId}::uuid, ${w.timeZone}, d, d::timestamp AT TIME ZONE ${w.timeZone},
             (d + interval '1 month')::timestamp AT TIME ZONE ${w.timeZone}
        FROM unnest(${months}::date[]) AS d
      ON CONFLICT DO NOTHING
      RETURNING month, starts, ends
    ), counted AS (
      INSERT INTO referral_tally (municipality_id, time_zone, month, cohort, source, urgency, n)
      SELECT ${w.municipalityId}::uuid, ${w.timeZone}, f.month, r.cohort, r.source, r.urgency, count(*)::int
        FROM fresh f
        JOIN referral r ON r.municipality_id = ${w.municipalityId}::uuid AND r.submitted_at >= f.starts AND r.submitted_at < f.ends
       GROUP BY f.month, r.cohort, r.source, r.urgency
    )
    INSERT INTO screening_tally (municipality_id, time_zone, month, submitted, decided, n)
    SELECT ${w.municipalityId}::uuid, ${w.timeZone}, f.month, (r.submitted_at AT TIME ZONE ${w.timeZone})::date,
           (r.decided_at AT TIME ZONE ${w.timeZone})::date, count(*)::int
      FROM fresh f
      JOIN referral r ON r.municipality_id = ${w.municipalityId}::uuid AND r.submitted_at >= f.starts AND r.submitted_at < f.ends
     GROUP BY 3, 4, 5`;
}

const yearMonth = (day: string) => day.slice(0, 7);

function shape(rows: Row[]): ReferralTallies {
  const referrals: ReferralCount[] = [];
  const screening: ScreeningCount[] = [];
  for (const r of rows) {
    if (r.kind === 'referral')
      referrals.push({ month: yearMonth(r.month), cohort: r.cohort!, source: r.source!, urgency: r.urgency!, n: r.n });
    else if (r.kind === 'screening') screening.push({ month: yearMonth(r.month), submitted: r.submitted!, decided: r.decided, n: r.n });
  }
  return { referrals, screening };
}

/**
 * Referrals submitted in the window by month, cohort, source and urgency, and by local day submitted and
 * decided (null: waiting), in the municipality's time zone: the counts of `referralCounts`/`screeningCounts`
 * in tests/helpers/direct-counts.ts, which the tests compare them with.
 */
export async function referralTallies(db: DbClient, w: Window): Promise<ReferralTallies> {
  const months = monthsOf(w);
  const rows = await read(db, w);
  const present = new Set(rows.filter((r) => r.kind === 'month').map((r) => r.month));
  const missing = months.filter((m) => !present.has(m));
  if (!missing.length) return shape(rows);
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jisr.referral_tally'), hashtext(${w.municipalityId}::uuid::text))`;
    await fill(tx, w, missing);
    return shape(await read(tx, w));
  });
}
