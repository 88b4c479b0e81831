import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { day, makeIntervention, makeTask, remindersOf } from '../helpers/work-factories.js';
import { createDb } from '../../src/db.js';
import { sweepMunicipality, type SweepResult } from '../../src/jobs/reminders.js';
import { JOBS_SCHEMA, REMINDER_CRON, REMINDER_QUEUE, startJobs } from '../../src/jobs/runner.js';

const { db, url } = await testDb();
const AT = new Date('2026-05-01T10:00:00Z');

/** A town with due items of several kinds: 3 cases overdue for review, 3 interventions, 2 tasks, 1 expiring disclosure. */
async function busyTown() {
  const town = await makeTown(db);
  const coord2 = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator' });
  const cases = await Promise.all([makeCase(db, town), makeCase(db, town), makeCase(db, town, { keyWorkerId: null })]);
  for (const c of cases) {
    await makeIntervention(db, c, { createdById: town.coordinator.id, agencyId: town.agency.id, dueDate: day('2026-04-20') });
  }
  await makeTask(db, cases[0]!, { createdById: town.coordinator.id, assigneeId: town.socialWorker.id, dueDate: day('2026-04-21') });
  await makeTask(db, cases[1]!, { createdById: town.coordinator.id, assigneeId: town.socialWorker.id, dueDate: day('2026-04-22') });
  await makeDisclosure(db, cases[0]!, { agencyId: town.agency.id, createdById: town.coordinator.id, expiresAt: new Date('2026-05-05T00:00:00Z') });
  // Reviews: 2 to the key worker + 2 coordinators for the unassigned case; interventions the same; tasks 2; disclosure 2 coordinators.
  return { town, coord2, expected: 4 + 4 + 2 + 2 };
}

/** Rows sharing one (user, kind, item, due day): there must be none. */
const duplicates = (municipalityId: string) =>
  db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM reminder WHERE municipality_id = ${municipalityId}::uuid
      GROUP BY user_id, kind, entity_id, due_at HAVING count(*) > 1) d`;

describe('the reminder job with several workers', () => {
  it('two replicas sweeping at once (each with its own connection pool) leave exactly one reminder per due item', async () => {
    const { town, expected } = await busyTown();
    const other = createDb({ url, poolMax: 4 });
    try {
      // Three rounds of two concurrent sweeps, one per "replica".
      const results: Omit<SweepResult, 'municipalities'>[] = [];
      for (let round = 0; round < 3; round++) {
        results.push(...(await Promise.all([sweepMunicipality(db, town.town.id, () => AT), sweepMunicipality(other.db, town.town.id, () => AT)])));
      }
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(expected);
      expect(results.map((r) => r.resolved)).toEqual([0, 0, 0, 0, 0, 0]);
    } finally {
      await other.close();
    }
    expect(await remindersOf(db, town.town.id)).toHaveLength(expected);
    expect(await duplicates(town.town.id)).toEqual([{ n: 0n }]);
  }, 60_000);

  it('two pg-boss runners on one database run the start-up sweep once and raise each reminder once', async () => {
    const { town, expected } = await busyTown();
    const replicas = [createDb({ url, poolMax: 4 }), createDb({ url, poolMax: 4 })];
    const sweeps: SweepResult[] = [];
    let firstSweep!: () => void;
    const swept = new Promise<void>((resolve) => (firstSweep = resolve));
    const onSweep = (r: SweepResult) => {
      sweeps.push(r);
      firstSweep();
    };
    const runners = await Promise.all(replicas.map((r) => startJobs({ url, db: r.db, clock: () => AT, cron: REMINDER_CRON, onSweep })));
    try {
      await swept;
    } finally {
      for (const r of runners) await r.stop();
      for (const r of replicas) await r.close();
    }
    expect(await remindersOf(db, town.town.id)).toHaveLength(expected);
    expect(await duplicates(town.town.id)).toEqual([{ n: 0n }]);
    // Both replicas asked for a start-up sweep; the queue kept one per 5-minute singleton slot. The
    // two sends may fall either side of a slot's edge (then there are two slots, one after the other),
    // but never two jobs in one slot.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const jobs = await client.query<{ slot: number | null; n: number }>(
        `SELECT extract(epoch FROM singleton_on)::float8 AS slot, count(*)::int AS n FROM ${JOBS_SCHEMA}.job
         WHERE name = $1 AND singleton_key = 'startup' GROUP BY singleton_on ORDER BY singleton_on`,
        [REMINDER_QUEUE],
      );
      expect(jobs.rows.length).toBeGreaterThan(0);
      expect(jobs.rows.map((r) => r.n)).toEqual(jobs.rows.map(() => 1));
      const slots = jobs.rows.map((r) => r.slot);
      expect(slots).not.toContain(null);
      expect(slots.at(-1)! - slots[0]!).toBeLessThanOrEqual(5 * 60);
      const schedules = await client.query(`SELECT cron FROM ${JOBS_SCHEMA}.schedule WHERE name = $1`, [REMINDER_QUEUE]);
      expect(schedules.rows).toEqual([{ cron: REMINDER_CRON }]);
    } finally {
      await client.end();
    }
  }, 90_000);
});
