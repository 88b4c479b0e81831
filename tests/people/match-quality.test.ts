import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { callerFor } from '../helpers/callers.js';
import pg from 'pg';
import { matchQualityOn, measureMatchQuality } from '../../bench/match-quality.js';
import { LOOK_ALIKES } from '../../bench/name-set.js';

const { db, url } = await testDb();

describe('people.match on the labelled cross-script set (bench/name-set.ts)', () => {
  it('finds the person among the first five for ≥ 95% of spellings, and ranks a look-alike above them in ≤ 5%', {
    timeout: 120_000,
  }, async () => {
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(40);
    const { town, coordinator } = await makeTown(db);
    const { caller } = await callerFor(db, coordinator);
    const quality = await measureMatchQuality(
      async (person) => (await makePerson(db, town.id, person)).id,
      async (name) => (await caller.people.match({ name })).map((c) => (c.restricted ? undefined : c.person.id)),
    );
    console.log(
      `match quality: ${quality.queries} queries over ${quality.people} people, recall@5 ${quality.recallAt5}, look-alike above ${quality.lookAlikeAbove}`,
      { misses: quality.misses, confusions: quality.confusions },
    );
    expect(quality.queries).toBeGreaterThan(150);
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(quality.lookAlikeAbove).toBeLessThanOrEqual(0.05);
  });

  it('gives the bench the same figures through the statement and ranking alone, and leaves nothing behind', {
    timeout: 120_000,
  }, async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const before = await db.person.count();
      const quality = await matchQualityOn(pool);
      expect(quality.queries).toBeGreaterThan(150);
      expect(quality.recallAt5).toBeGreaterThanOrEqual(0.95);
      expect(quality.lookAlikeAbove).toBeLessThanOrEqual(0.05);
      expect(await db.person.count()).toBe(before);
    } finally {
      await pool.end();
    }
  });
});
