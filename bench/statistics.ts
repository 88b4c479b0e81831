import type pg from 'pg';

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
