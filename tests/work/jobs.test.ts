import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { day, makeIntervention, makeTask, remindersOf } from '../helpers/work-factories.js';
import { createDb } from '../../src/db.js';
import { sweepMunicipality, type SweepResult } from '../../src/jobs/reminders.js';
import { reminderJob, startJobs } from '../../src/jobs/runner.js';

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
  await makeDisclosure(db, cases[0]!, {
    agencyId: town.agency.id,
    createdById: town.coordinator.id,
    expiresAt: new Date('2026-05-05T00:00:00Z'),
  });
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
        results.push(
          ...(await Promise.all([sweepMunicipality(db, town.town.id, () => AT), sweepMunicipality(other.db, town.town.id, () => AT)])),
        );
      }
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(expected);
      expect(results.map((r) => r.resolved)).toEqual([0, 0, 0, 0, 0, 0]);
    } finally {
      await other.close();
    }
    expect(await remindersOf(db, town.town.id)).toHaveLength(expected);
    expect(await duplicates(town.town.id)).toEqual([{ n: 0n }]);
  }, 60_000);

  it('two runners on one database: each runs the start-up sweep or skips it while the other holds the lock, and each reminder is raised once', async () => {
    const { town, expected } = await busyTown();
    const replicas = [createDb({ url, poolMax: 4 }), createDb({ url, poolMax: 4 })];
    const sweeps: SweepResult[] = [];
    const runners = replicas.map((r) => startJobs({ url, jobs: [reminderJob(r.db, { clock: () => AT, onSweep: (x) => sweeps.push(x) })] }));
    try {
      // A turn each, at the same moment: each runs, or skips because the other holds the lock.
      await Promise.all(runners.map((r) => r.runNow('reminders')));
    } finally {
      // stop() waits for every turn under way, the start-up ones included; the lock's holder always runs.
      for (const r of runners) await r.stop();
      for (const r of replicas) await r.close();
    }
    expect(sweeps.length).toBeGreaterThan(0);
    expect(sweeps.reduce((n, r) => n + r.created, 0)).toBe(expected);
    expect(await remindersOf(db, town.town.id)).toHaveLength(expected);
    expect(await duplicates(town.town.id)).toEqual([{ n: 0n }]);
  }, 90_000);

  it("a turn is skipped while another replica holds the job's lock, and taken once it is free", async () => {
    let runs = 0;
    let ran!: () => void;
    const startUpTurn = new Promise<void>((ok) => (ran = ok));
    const lockKey = 7_318_999;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const runner = startJobs({ url, jobs: [{ name: 'probe', everyMs: 3_600_000, lockKey, run: async () => ++runs, onRun: () => ran() }] });
    try {
      // The start-up turn runs at once (nobody holds the lock); the next comes in an hour, or when asked.
      await startUpTurn;
      expect(runs).toBe(1);
      await holder.query('SELECT pg_advisory_lock($1)', [lockKey]);
      expect(await runner.runNow('probe')).toBeNull();
      expect(runs).toBe(1);
      await holder.query('SELECT pg_advisory_unlock($1)', [lockKey]);
      expect(await runner.runNow('probe')).toBe(2);
    } finally {
      await runner.stop();
      await holder.end();
    }
  });
});
