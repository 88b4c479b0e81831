import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor } from '../helpers/callers.js';
import { verifyPassword } from '../../src/auth/password.js';

const { db } = await testDb();
const MIN = 60_000;

describe('sessions', () => {
  it('expire after 30 idle minutes, and activity keeps them alive', async () => {
    const { coordinator } = await makeTown(db);
    const { caller, clock, sessionId } = await callerFor(db, coordinator);
    clock.advance(29 * MIN);
    await expect(caller.auth.me()).resolves.toMatchObject({ id: coordinator.id });
    clock.advance(29 * MIN);
    await expect(caller.auth.me()).resolves.toMatchObject({ id: coordinator.id });
    clock.advance(31 * MIN);
    await expect(caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED', code: 'UNAUTHORIZED' });
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.endReason).toBe('idle_timeout');
  });

  it('end at the absolute lifetime of 12 hours however active', async () => {
    const { coordinator } = await makeTown(db);
    const { caller, clock, sessionId } = await callerFor(db, coordinator);
    for (let i = 0; i < 24; i++) {
      clock.advance(29 * MIN);
      await caller.auth.me();
    }
    clock.advance(29 * MIN); // 25 × 29 min = 12 h 5 min after sign-in, never idle for long
    await expect(caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).endReason).toBe('absolute_timeout');
  });

  it('are refused without a token or with a made-up one', async () => {
    const { caller } = anonymousCaller(db);
    await expect(caller.auth.me()).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });

  it('end at logout', async () => {
    const { town, auditor } = await makeTown(db);
    const { caller, sessionId, ctx } = await callerFor(db, auditor);
    await caller.auth.logout();
    expect(ctx.cookie.token).toBeNull();
    await expect(caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).endReason).toBe('logout');
    expect(await db.auditEvent.count({ where: { municipalityId: town.id, action: 'auth.logout', actorId: auditor.id } })).toBe(1);
  });

  it('are listed and ended by their owner only', async () => {
    const { town, coordinator, socialWorker } = await makeTown(db);
    const laptop = await callerFor(db, coordinator);
    const phone = await callerFor(db, coordinator);
    const other = await callerFor(db, socialWorker);
    const mine = await laptop.caller.auth.sessions();
    expect(mine.map((s) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(mine.find((s) => s.current)?.id).toBe(laptop.sessionId);
    // Someone else's session is NOT_FOUND, and the attempt is audited as denied.
    await expect(laptop.caller.auth.endSession({ id: other.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denied = await db.auditEvent.findFirst({ where: { municipalityId: town.id, action: 'auth.sessions.end', outcome: 'denied' } });
    expect(denied).toMatchObject({ actorId: coordinator.id, entityType: 'Session', entityId: other.sessionId });
    await expect(other.caller.auth.me()).resolves.toMatchObject({ id: socialWorker.id });
    await laptop.caller.auth.endSession({ id: phone.sessionId });
    await expect(phone.caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    await expect(laptop.caller.auth.me()).resolves.toMatchObject({ id: coordinator.id });
  });

  it('all end when an administrator disables the account', async () => {
    const { admin, socialWorker } = await makeTown(db);
    const victim = await callerFor(db, socialWorker);
    const adminCaller = (await callerFor(db, admin)).caller;
    await adminCaller.users.disable({ id: socialWorker.id });
    await expect(victim.caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    expect(await db.session.count({ where: { userId: socialWorker.id, endedAt: null } })).toBe(0);
  });
});

describe('auth.changePassword', () => {
  it('needs the current password, applies the policy, and ends my other sessions', async () => {
    const { town, coordinator } = await makeTown(db);
    const here = await callerFor(db, coordinator);
    const elsewhere = await callerFor(db, coordinator);
    const change = (currentPassword: string, newPassword: string) => here.caller.auth.changePassword({ currentPassword, newPassword });
    await expect(change('wrong current password', 'a brand new passphrase')).rejects.toMatchObject({ message: 'WRONG_PASSWORD' });
    await expect(change(TEST_PASSWORD, 'short')).rejects.toMatchObject({ message: 'PASSWORD_TOO_SHORT' });
    await expect(change(TEST_PASSWORD, `${'x'.repeat(129)}y`)).rejects.toMatchObject({ message: 'PASSWORD_TOO_LONG' });
    await expect(change(TEST_PASSWORD, 'qwerty123456')).rejects.toMatchObject({ message: 'PASSWORD_TOO_COMMON' });
    await expect(change(TEST_PASSWORD, TEST_PASSWORD)).rejects.toMatchObject({ message: 'PASSWORD_UNCHANGED' });
    // 12 characters of any kind are enough: no composition rules.
    await change(TEST_PASSWORD, 'سلام عليكم يا');
    const row = await db.user.findUniqueOrThrow({ where: { id: coordinator.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, 'سلام عليكم يا')).toBe(true);
    await expect(here.caller.auth.me()).resolves.toMatchObject({ id: coordinator.id });
    await expect(elsewhere.caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.id, action: 'auth.changePassword' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.outcome)).toEqual(['denied', 'allowed']);
  });

  it('is the only thing a user with a one-time password may do', async () => {
    const { town } = await makeTown(db);
    const fresh = await makeUser(db, { municipalityId: town.id, role: 'admin', mustChangePassword: true });
    const { caller } = await callerFor(db, fresh);
    await expect(caller.auth.me()).resolves.toMatchObject({ mustChangePassword: true });
    await expect(caller.users.list({})).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED', code: 'FORBIDDEN' });
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'my own new passphrase' });
    await expect(caller.users.list({})).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: fresh.id })]));
    await expect(anonymousCaller(db).caller.auth.login({ email: fresh.email, password: 'my own new passphrase' })).resolves.toMatchObject({
      mustChangePassword: false,
    });
  });
});

describe('auth.setLocale', () => {
  it('remembers the language per user', async () => {
    const { socialWorker } = await makeTown(db);
    const { caller } = await callerFor(db, socialWorker);
    await caller.auth.setLocale({ locale: 'fr' });
    await expect(caller.auth.me()).resolves.toMatchObject({ locale: 'fr' });
    await expect(caller.auth.setLocale({ locale: 'de' as 'fr' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
