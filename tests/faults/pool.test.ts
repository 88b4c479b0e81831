import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { Client, killAll, startServer, until, type Answer } from './server.js';

// The real server with a pool of 2 connections and a 6 s statement timeout, on this file's own
// database. A session of the test holds a lock every signed-in request needs, so the server's
// queries hang in PostgreSQL until the statement timeout cancels them: the pool runs dry.
const { db, url } = await testDb();
const APP = 'jisr-fault-pool';
const serverUrl = `${url}${url.includes('?') ? '&' : '?'}application_name=${APP}`;
const POOL = 2;
const STATEMENT_TIMEOUT_MS = 6_000;

afterAll(killAll);

/** Server connections waiting on a lock right now. */
async function waitingOnLock(): Promise<number> {
  const rows = await db.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*)::bigint AS n FROM pg_stat_activity WHERE application_name = ${APP} AND wait_event_type = 'Lock'`;
  return Number(rows[0]!.n);
}

/** A request with a client-side limit far above any server timeout: reaching it means the server hung. */
async function timed(call: (signal: AbortSignal) => Promise<Answer>): Promise<Answer & { ms: number }> {
  const started = Date.now();
  try {
    const res = await call(AbortSignal.timeout(30_000));
    return { ...res, ms: Date.now() - started };
  } catch (err) {
    return { status: 0, data: undefined, body: String(err), ms: Date.now() - started };
  }
}
const healthz = (origin: string) => (signal: AbortSignal) =>
  fetch(`${origin}/healthz`, { signal }).then(async (r) => ({ status: r.status, data: undefined, body: await r.text() }));

describe('a bounded pool and a statement timeout', () => {
  it('keep the server answering when every connection is stuck, /healthz tells the truth, and it recovers', {
    timeout: 240_000,
  }, async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const server = await startServer(serverUrl, {
      DB_POOL_MAX: String(POOL),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      JOBS: 'off',
    });
    const coordinator = await new Client(server.origin).signIn(town.coordinator.email, town.coordinator.password);
    expect((await coordinator.query('cases.get', { id: c.id })).status).toBe(200);
    expect((await timed(healthz(server.origin))).status).toBe(200);

    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE session IN ACCESS EXCLUSIVE MODE');

      // Two signed-in requests take both connections and wait on the lock...
      const stuck = [
        timed((s) => coordinator.query('cases.list', { limit: 5 }, s)),
        timed((s) => coordinator.query('cases.get', { id: c.id }, s)),
      ];
      await until('both pool connections to wait on the lock', 30_000, async () => ((await waitingOnLock()) === POOL ? true : undefined));

      // ...so while they are stuck, the database cannot answer the server: /healthz says 503, and
      // another request is refused once it has waited its turn for a connection, instead of queueing forever.
      const [health, queued, write] = await Promise.all([
        timed(healthz(server.origin)),
        timed((s) => coordinator.query('referrals.queue', { limit: 5 }, s)),
        timed((s) => coordinator.mutate('cases.addNote', { caseId: c.id, body: 'Synthetic note while the pool is dry.' }, s)),
      ]);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ status: 'unavailable' });
      for (const res of [queued, write])
        expect({ status: res.status, appCode: res.appCode }).toEqual({ status: 503, appCode: 'UNAVAILABLE' });

      // The stuck ones come back too, with the lock still held: the statement timeout cancelled them.
      const answered = await Promise.all(stuck);
      for (const res of answered) expect({ status: res.status, appCode: res.appCode }).toEqual({ status: 503, appCode: 'UNAVAILABLE' });
      expect(await waitingOnLock()).toBe(0);
      console.log(
        `pool ${POOL}, statement timeout ${STATEMENT_TIMEOUT_MS} ms: stuck requests answered 503 after ${answered.map((a) => a.ms).join(' / ')} ms; ` +
          `/healthz 503 after ${health.ms} ms; queued read and write 503 after ${queued.ms} / ${write.ms} ms`,
      );
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }

    // The lock is gone: /healthz is 200 again, requests are served, and the server never restarted.
    await until('/healthz 200 again', 10_000, async () => ((await timed(healthz(server.origin))).status === 200 ? true : undefined));
    expect((await coordinator.query('cases.get', { id: c.id })).status).toBe(200);
    const note = await coordinator.mutate('cases.addNote', { caseId: c.id, body: 'Synthetic note after the pool recovered.' });
    expect(note.status).toBe(200);
    expect(await db.caseNote.count({ where: { caseId: c.id } })).toBe(1);
    expect(server.child.exitCode).toBeNull();
    await server.kill('SIGTERM');
  });
});
