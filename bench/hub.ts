import type pg from 'pg';
import { createDb } from '../src/db.js';
import { countYear } from '../src/modules/hub/figures.js';
import { loopRun, measure, type Figure, type Plan } from './measure.js';

/** The hub's figure computation: one year across every city of the data, as if all shared with one hub. */
export interface HubYear {
  year: number;
  cities: number;
  /** The cities' cases in all (every year). */
  cases: number;
  figure: Figure;
}

/**
 * What a hub's first request for a published year costs (src/modules/hub/figures.ts countYear: each
 * city's counts in its own calendar, summed by core code, suppressed across cities, countries and the
 * hub). Every later request reads the stored release (one row), so this is the figure that matters, and
 * it is measured uncached: countYear itself, in this process, over every city of the bench data.
 */
export async function measureHubYear(url: string, pool: pg.Pool, plan: Plan, year: number): Promise<HubYear> {
  const { rows: cities } = await pool.query<{ id: string; name: string; country: string; timeZone: string }>(
    `SELECT id, name, country, time_zone AS "timeZone" FROM municipality WHERE kind = 'city' ORDER BY country, name`,
  );
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM case_record WHERE municipality_id = ANY($1::uuid[])', [
    cities.map((c) => c.id),
  ]);
  // Four statements per city at once, for each of the plan's concurrent computations.
  const { db, close } = createDb({ url, poolMax: plan.connections * 4 });
  try {
    const once = () => countYear(db, cities, year, new Date());
    // The computation must count something, or the figure means nothing (loopRun counts failures as errors only).
    const check = await once();
    if (!check.some((f) => typeof f.byCountry.total !== 'number' || f.byCountry.total > 0))
      throw new Error(`hub figures of ${year}: nothing counted across ${cities.length} cities`);
    const figure = await measure(plan, (s, a) => loopRun(once, plan.connections, s, a));
    return { year, cities: cities.length, cases: rows[0]!.n, figure };
  } finally {
    await close();
  }
}
