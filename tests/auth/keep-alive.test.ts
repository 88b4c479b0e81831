import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';

const { db } = await testDb();
const MINUTE = 60_000;
const config = testConfig({ session: { idleMs: MINUTE, absoluteMs: 10 * MINUTE } });

describe('the session’s limits and keep-alive', () => {
  it('auth.me tells the browser how long the session has left; keepAlive starts the idle limit again, never past the absolute one', async () => {
    const { socialWorker } = await makeTown(db);
    const { caller, clock, sessionId } = await callerFor(db, socialWorker, { config });
    expect((await caller.auth.me()).session).toEqual({ idleMs: MINUTE, idleLeftMs: MINUTE, leftMs: 10 * MINUTE });
    clock.advance(10_000);
    expect((await caller.auth.me()).session).toMatchObject({ idleLeftMs: 50_000, leftMs: 10 * MINUTE - 10_000 });
    // Idle for 50 s more would end it; the keep-alive at 50 s gives it a full minute again.
    clock.advance(40_000);
    expect(await caller.auth.keepAlive()).toEqual({ idleMs: MINUTE, idleLeftMs: MINUTE, leftMs: 10 * MINUTE - 50_000 });
    clock.advance(50_000);
    await expect(caller.auth.me()).resolves.toMatchObject({ id: socialWorker.id });
    const events = await db.auditEvent.findMany({
      where: { actorId: socialWorker.id, action: 'auth.keepAlive' },
      select: { entityId: true },
    });
    expect(events).toEqual([{ entityId: sessionId }]);
  });

  it('under a one-minute idle limit, requests within it keep the session (it is touched at least every quarter of the limit)', async () => {
    const { socialWorker } = await makeTown(db);
    const { caller, clock } = await callerFor(db, socialWorker, { config });
    for (let i = 0; i < 6; i++) {
      clock.advance(40_000);
      await expect(caller.auth.me()).resolves.toMatchObject({ id: socialWorker.id });
    }
  });

  it('an idle session ends: keepAlive is refused as SESSION_EXPIRED and moves nothing', async () => {
    const { socialWorker } = await makeTown(db);
    const { caller, clock, sessionId } = await callerFor(db, socialWorker, { config });
    clock.advance(MINUTE + 1);
    await expect(caller.auth.keepAlive()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    expect(await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { endReason: true } })).toEqual({
      endReason: 'idle_timeout',
    });
  });
});
