import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';

const { db } = await testDb();

const events = (municipalityId: string, action: string) =>
  db.auditEvent.findMany({
    where: { municipalityId, action },
    select: { outcome: true, actorId: true, entityType: true, entityId: true },
    orderBy: { seq: 'asc' },
  });

describe("an admin oversees the town's sessions (users.sessions, users.endSession)", () => {
  it('lists an account’s live sessions with device, address and times, and ends one at once', async () => {
    const { town, admin, socialWorker } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const laptop = await callerFor(db, socialWorker);
    const phone = await callerFor(db, socialWorker);
    const gone = await callerFor(db, socialWorker);
    await gone.caller.auth.logout();

    const listed = await caller.users.sessions({ userId: socialWorker.id });
    expect(listed.map((s) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(listed[0]).toMatchObject({ ip: '203.0.113.9', userAgent: 'vitest', current: false });
    expect(listed[0]!.createdAt).toBeInstanceOf(Date);
    expect(listed[0]!.lastSeenAt).toBeInstanceOf(Date);
    expect(listed[0]).not.toHaveProperty('tokenHash');
    expect(await events(town.id, 'user.sessions.list')).toEqual([
      { outcome: 'allowed', actorId: admin.id, entityType: 'User', entityId: socialWorker.id },
    ]);

    await expect(laptop.caller.auth.me()).resolves.toMatchObject({ id: socialWorker.id });
    await expect(caller.users.endSession({ id: laptop.sessionId })).resolves.toEqual({ ok: true });
    // The very next request on that session is refused; the other session goes on.
    await expect(laptop.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(phone.caller.auth.me()).resolves.toMatchObject({ id: socialWorker.id });
    const row = await db.session.findUniqueOrThrow({ where: { id: laptop.sessionId }, select: { endReason: true, endedAt: true } });
    expect(row.endReason).toBe('ended_by_admin');
    expect(row.endedAt).not.toBeNull();
    expect((await caller.users.sessions({ userId: socialWorker.id })).map((s) => s.id)).toEqual([phone.sessionId]);
    expect(await events(town.id, 'user.sessions.end')).toEqual([
      { outcome: 'allowed', actorId: admin.id, entityType: 'Session', entityId: laptop.sessionId },
    ]);
  });

  it('marks the admin’s own current session, and lets them end another of their own', async () => {
    const { admin } = await makeTown(db);
    const here = await callerFor(db, admin);
    const there = await callerFor(db, admin);
    const mine = await here.caller.users.sessions({ userId: admin.id });
    expect(mine.find((s) => s.current)?.id).toBe(here.sessionId);
    await here.caller.users.endSession({ id: there.sessionId });
    await expect(there.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each(['coordinator', 'socialWorker', 'practitioner', 'auditor'] as const)(
    'refuses the %s (FORBIDDEN, audited) and ends nothing',
    async (role) => {
      const t = await makeTown(db);
      const { caller } = await callerFor(db, t[role]);
      const victim = await callerFor(db, t.coordinator.id === t[role].id ? t.socialWorker : t.coordinator);
      await expect(caller.users.sessions({ userId: t.coordinator.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.users.endSession({ id: victim.sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(victim.caller.auth.me()).resolves.toBeDefined();
      expect(await events(t.town.id, 'user.sessions.end')).toEqual([
        { outcome: 'denied', actorId: t[role].id, entityType: 'Session', entityId: victim.sessionId },
      ]);
    },
  );

  it('another municipality’s account or session is NOT_FOUND, and stays live', async () => {
    const a = await makeTown(db);
    const b = await makeTown(db);
    const { caller } = await callerFor(db, a.admin);
    const theirs = await callerFor(db, b.socialWorker);
    await expect(caller.users.sessions({ userId: b.socialWorker.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.endSession({ id: theirs.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.caller.auth.me()).resolves.toMatchObject({ id: b.socialWorker.id });
    expect(await events(a.town.id, 'user.sessions.end')).toEqual([
      { outcome: 'denied', actorId: a.admin.id, entityType: 'Session', entityId: theirs.sessionId },
    ]);
    expect(await events(b.town.id, 'user.sessions.end')).toEqual([]);
  });

  it('crafted ids: unknown or ended is NOT_FOUND, malformed is BAD_REQUEST', async () => {
    const { admin, socialWorker } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const ended = await callerFor(db, socialWorker);
    await ended.caller.auth.logout();
    await expect(caller.users.endSession({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.endSession({ id: ended.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.sessions({ userId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.endSession({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.users.sessions({ userId: "' OR 1=1 --" })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await db.session.findUniqueOrThrow({ where: { id: ended.sessionId } })).endReason).toBe('logout');
  });
});
