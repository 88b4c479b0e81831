import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { hashToken } from '../../src/auth/token.js';
import { FAILURE_WINDOW_MS } from '../../src/modules/auth/login.js';

const { db } = await testDb();

const eventsOf = (municipalityId: string | null, action: string) =>
  db.auditEvent.findMany({ where: { municipalityId, action }, orderBy: { id: 'asc' } });

describe('auth.login', () => {
  it('signs in, stores only the token hash, and audits the sign-in', async () => {
    const { town, coordinator } = await makeTown(db);
    const { caller, ctx } = anonymousCaller(db);
    const me = await caller.auth.login({ email: coordinator.email.toUpperCase(), password: TEST_PASSWORD });
    expect(me.id).toBe(coordinator.id);
    expect(me).not.toHaveProperty('passwordHash');
    const token = ctx.cookie.token!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const session = await db.session.findFirstOrThrow({ where: { userId: coordinator.id } });
    expect(session.tokenHash).toBe(hashToken(token));
    expect(session.tokenHash).not.toContain(token);
    const [event] = await eventsOf(town.id, 'auth.login');
    expect(event).toMatchObject({
      outcome: 'allowed',
      actorId: coordinator.id,
      entityType: 'Session',
      entityId: session.id,
      ip: '203.0.113.9',
    });
  });

  it('answers an unknown e-mail and a wrong password alike, and audits both', async () => {
    const { town, admin } = await makeTown(db);
    const { caller } = anonymousCaller(db);
    const unknown = caller.auth.login({ email: 'nobody@nowhere.test', password: TEST_PASSWORD });
    await expect(unknown).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'INVALID_CREDENTIALS' });
    const wrong = caller.auth.login({ email: admin.email, password: 'not the password at all' });
    await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'INVALID_CREDENTIALS' });
    const denied = await eventsOf(town.id, 'auth.login');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: 'denied', detail: { reason: 'wrong_password', failures: 1 } });
    const system = await db.auditEvent.findMany({
      where: { chain: 'system', action: 'auth.login', detail: { equals: { reason: 'unknown_account' } } },
    });
    expect(system.length).toBeGreaterThan(0);
  });

  it('takes about the same time for an unknown e-mail, a wrong password and a locked account', async () => {
    const { admin, auditor } = await makeTown(db);
    await db.user.update({ where: { id: auditor.id }, data: { lockedUntil: new Date('2099-01-01T00:00:00Z') } });
    const clock = manualClock();
    const { caller } = anonymousCaller(db, { clock });
    const time = async (email: string) => {
      const start = performance.now();
      await caller.auth.login({ email, password: 'wrong password here' }).catch(() => undefined);
      const ms = performance.now() - start;
      // Each wrong guess falls outside the last one's window, so the account never locks (a locked
      // account would answer on another path).
      clock.advance(FAILURE_WINDOW_MS);
      return ms;
    };
    await time('warm-up@nowhere.test');
    await time(admin.email);
    // Alternated, so a slow spell of the machine weighs on both kinds alike.
    const unknown: number[] = [];
    const wrong: number[] = [];
    const locked: number[] = [];
    for (let i = 0; i < 6; i++) {
      unknown.push(await time(`sample-${i}@nowhere.test`));
      wrong.push(await time(admin.email));
      locked.push(await time(auditor.email));
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { lockedUntil: true } })).lockedUntil).toBeNull();
    // Contention only ever adds time, so each kind's fastest run is its real cost. Both paths run one
    // argon2 verification (~25 ms); a fast path for unknown accounts would be a few ms.
    const samples = `unknown ${unknown.map(Math.round)} ms, wrong password ${wrong.map(Math.round)} ms, locked ${locked.map(Math.round)} ms`;
    expect(Math.min(...unknown), samples).toBeGreaterThan(Math.min(...wrong) * 0.5);
    expect(Math.min(...locked), samples).toBeGreaterThan(Math.min(...wrong) * 0.5);
  });

  it('locks the account after 5 failures in 15 minutes, for 15 minutes', async () => {
    const { town, socialWorker } = await makeTown(db);
    const clock = manualClock();
    const { caller } = anonymousCaller(db, { clock });
    for (let i = 0; i < 5; i++) {
      await expect(caller.auth.login({ email: socialWorker.email, password: `wrong password ${i}` })).rejects.toMatchObject({
        message: 'INVALID_CREDENTIALS',
      });
      clock.advance(60_000);
    }
    // Even the right password is refused while locked, with the answer of a wrong password; the log says why.
    await expect(caller.auth.login({ email: socialWorker.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: 'INVALID_CREDENTIALS',
      code: 'UNAUTHORIZED',
    });
    expect(await eventsOf(town.id, 'auth.lock')).toHaveLength(1);
    expect((await eventsOf(town.id, 'auth.login')).at(-1)).toMatchObject({ outcome: 'denied', detail: { reason: 'locked' } });
    clock.advance(15 * 60_000);
    await expect(caller.auth.login({ email: socialWorker.email, password: TEST_PASSWORD })).resolves.toMatchObject({ id: socialWorker.id });
  });

  it('counts concurrent failures one by one: ten guesses at once still lock the account', async () => {
    const { socialWorker } = await makeTown(db);
    const { caller } = anonymousCaller(db);
    await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => caller.auth.login({ email: socialWorker.email, password: `parallel guess ${i}` })),
    );
    const row = await db.user.findUniqueOrThrow({ where: { id: socialWorker.id } });
    expect(row.lockedUntil).not.toBeNull();
    await expect(caller.auth.login({ email: socialWorker.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: 'INVALID_CREDENTIALS',
    });
  });

  it('forgets failures older than the 15-minute window', async () => {
    const { socialWorker } = await makeTown(db);
    const clock = manualClock();
    const { caller } = anonymousCaller(db, { clock });
    for (let i = 0; i < 4; i++) await caller.auth.login({ email: socialWorker.email, password: 'wrong password x' }).catch(() => undefined);
    clock.advance(16 * 60_000);
    await caller.auth.login({ email: socialWorker.email, password: 'wrong password y' }).catch(() => undefined);
    await expect(caller.auth.login({ email: socialWorker.email, password: TEST_PASSWORD })).resolves.toMatchObject({ id: socialWorker.id });
  });

  it('refuses a disabled account with the same answer', async () => {
    const { town } = await makeTown(db);
    const gone = await makeUser(db, { municipalityId: town.id, role: 'coordinator', disabled: true });
    const { caller } = anonymousCaller(db);
    await expect(caller.auth.login({ email: gone.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: 'INVALID_CREDENTIALS',
    });
  });

  it('issues a new token at every sign-in and ends the session the old cookie belonged to', async () => {
    const { coordinator } = await makeTown(db);
    const first = await callerFor(db, coordinator);
    await first.caller.auth.login({ email: coordinator.email, password: TEST_PASSWORD });
    expect(first.ctx.cookie.token).not.toBe(first.token);
    const old = await db.session.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(old.endReason).toBe('replaced');
  });

  it('re-hashes a password hashed with older argon2 parameters', async () => {
    const argon2 = (await import('argon2')).default;
    const { town } = await makeTown(db);
    const user = await makeUser(db, { municipalityId: town.id, role: 'auditor' });
    const weak = await argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await db.user.update({ where: { id: user.id }, data: { passwordHash: weak } });
    await anonymousCaller(db).caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
