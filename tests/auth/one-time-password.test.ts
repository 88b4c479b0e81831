import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor, testConfig, testKeyring } from '../helpers/callers.js';
import { appRouter, createCaller } from '../../src/trpc/router.js';
import { createContext } from '../../src/trpc/context.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

/** What a session still holding a one-time password may call; auth.login needs no session at all. */
// auth.keepAlive reads nothing: it only keeps the session while its owner types the new password.
const OPEN = ['auth.me', 'auth.changePassword', 'auth.logout', 'auth.keepAlive'];
const PUBLIC = ['auth.login'];

const paths = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures);

/** Calls the procedure at `path` through a caller, with no input: the refusal comes before any validation. */
const callAt = (caller: object, path: string) =>
  (path.split('.').reduce<any>((node, key) => node[key], caller) as (input?: unknown) => Promise<unknown>)(undefined);

describe('a one-time password opens only the page to choose one’s own', () => {
  it('every procedure but auth.me, auth.changePassword, auth.logout and auth.keepAlive refuses the session, and each refusal is audited', async () => {
    const { town } = await makeTown(db);
    // A coordinator, so that a refusal cannot come from the role: only the one-time password refuses.
    const fresh = await makeUser(db, { municipalityId: town.id, role: 'coordinator', mustChangePassword: true });
    const { caller } = await callerFor(db, fresh);
    const refused = paths.filter((p) => !OPEN.includes(p) && !PUBLIC.includes(p));
    expect(refused.length).toBeGreaterThan(40);
    for (const path of refused) {
      await expect(callAt(caller, path), path).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED', code: 'FORBIDDEN' });
    }
    const denied = await db.auditEvent.findMany({ where: { actorId: fresh.id, outcome: 'denied' }, select: { detail: true } });
    expect(denied).toHaveLength(refused.length);
    expect(denied.every((e) => (e.detail as { code?: string }).code === 'PASSWORD_CHANGE_REQUIRED')).toBe(true);
    // Nothing was read or changed under the owner's name.
    expect(await db.auditEvent.count({ where: { actorId: fresh.id, outcome: 'allowed' } })).toBe(0);
    await expect(caller.auth.keepAlive()).resolves.toMatchObject({ idleMs: 30 * 60_000 });

    await expect(caller.auth.me()).resolves.toMatchObject({ id: fresh.id, mustChangePassword: true });
    // Reached (its input is checked), not refused for the one-time password.
    await expect(caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'short' })).rejects.toMatchObject({
      message: 'PASSWORD_TOO_SHORT',
    });
    await expect(caller.auth.logout()).resolves.toEqual({ ok: true });
  });

  it('the one-time password an admin was shown signs in to nothing but the password change', async () => {
    const { admin } = await makeTown(db);
    const adminCaller = (await callerFor(db, admin)).caller;
    const { user, oneTimePassword } = await adminCaller.users.create({
      email: `otp.${Date.now()}@test.jisr.local`,
      displayName: 'Rania Synthetic',
      role: 'coordinator',
    });
    const anon = anonymousCaller(db);
    await anon.caller.auth.login({ email: user.email, password: oneTimePassword });
    // The session that sign-in started, as its cookie would bring it back.
    const signedIn = createCaller(
      createContext(
        { db, clock: manualClock(), config: testConfig(), keyring: testKeyring },
        { token: anon.ctx.cookie.token!, ip: '203.0.113.9', requestId: 'otp' },
      ),
    );
    await expect(signedIn.auth.me()).resolves.toMatchObject({ id: user.id, mustChangePassword: true });
    await expect(signedIn.cases.list({})).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED' });
    await expect(signedIn.auth.sessions()).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED' });
    await expect(signedIn.auth.setLocale({ locale: 'fr' })).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED' });
  });
});
