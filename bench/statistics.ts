import type pg from 'pg';

/** The twelve months up to the month of the municipality's newest referral: "a year of figures". */
export async function yearOfFigures(pool: pg.Pool, municipalityId: string): Promise<{ from: string; to: string }> {
  const { rows } = await pool.query<{ from: string; to: string }>(
    `SELECT to_char(last - interval '11 months', 'YYYY-MM') AS "from", to_char(last, 'YYYY-MM') AS "to"
       FROM (SELECT date_trunc('month', coalesce(max(submitted_at), now())) AS last FROM referral WHERE municipality_id = $1) AS newest`,
    [municipalityId],
  );
  return rows[0]!;
}
