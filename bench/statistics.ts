import type pg from 'pg';
import { median, percentile, round } from './measure.js';

/**
 * "A year of figures": the calendar year of the municipality's newest referral (statistics are published
 * for one calendar year per request, never a free period; see src/modules/statistics/schema.ts).
 */
export async function yearOfFigures(pool: pg.Pool, municipalityId: string): Promise<{ year: number }> {
  const { rows } = await pool.query<{ year: number }>(
    `SELECT extract(year FROM coalesce(max(submitted_at), now()))::int AS year FROM referral WHERE municipality_id = $1`,
    [municipalityId],
  );
  return { year: rows[0]!.year };
}

/**
 * What the referral tallies cost when they must be counted (src/modules/statistics/tally.ts): a request right
 * after a write in the busiest month (the month dropped, so counted again; one request at a time, `times` of them), and a
 * year's tallies counted from nothing (a new time zone, or the first request after the upgrade; median of 3).
 */
export async function measureRecount(
  pool: pg.Pool,
  municipalityId: string,
  request: () => Promise<unknown>,
  times: number,
): Promise<{ afterWrite: { p50: number; p99: number }; wholeYearMs: number }> {
  const timed = async (drop: string) => {
    await pool.query(drop, [municipalityId]);
    const start = performance.now();
    await request();
    return performance.now() - start;
  };
  // The year's busiest month: what a write in it makes the next reader count again.
  const month = `DELETE FROM referral_tally_month WHERE municipality_id = $1
                  AND month = (SELECT month FROM referral_tally WHERE municipality_id = $1 GROUP BY month ORDER BY sum(n) DESC LIMIT 1)`;
  const afterWrite: number[] = [];
  for (let i = 0; i < times; i++) afterWrite.push(await timed(month));
  const year: number[] = [];
  for (let i = 0; i < 3; i++) year.push(await timed('DELETE FROM referral_tally_month WHERE municipality_id = $1'));
  afterWrite.sort((a, b) => a - b);
  return {
    afterWrite: { p50: round(percentile(afterWrite, 50)), p99: round(percentile(afterWrite, 99)) },
    wholeYearMs: round(median(year)),
  };
}
