import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

const NEW_PASSWORD = 'quiet meadow lantern 58';

describe('the owner is told who set their password, and when', () => {
  it('a new account: "created by … at …" at sign-in and in auth.me, until dismissed once the password is their own', async () => {
    const { town, admin } = await makeTown(db);
    await db.user.update({ where: { id: admin.id }, data: { displayName: 'Salma Admin' } });
    const clock = manualClock();
    const created = await (await callerFor(db, admin, { clock })).caller.users.create({
      email: `notice.${Date.now()}@test.jisr.local`,
      displayName: 'Omar Synthetic',
      role: 'social_worker',
    });
    const at = clock();
    clock.advance(3_600_000);

    const signedIn = await anonymousCaller(db, { clock }).caller.auth.login({
      email: created.user.email,
      password: created.oneTimePassword,
    });
    expect(signedIn.notice).toEqual({ kind: 'created', by: 'Salma Admin', at });
    const owner = await callerFor(db, { id: created.user.id, municipalityId: town.id }, { clock });
    await expect(owner.caller.auth.me()).resolves.toMatchObject({ notice: { kind: 'created', by: 'Salma Admin', at } });
    // Not while the one-time password is still in use: whoever holds it must not hide the notice.
    await expect(owner.caller.auth.dismissNotice()).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED' });

    await owner.caller.auth.changePassword({ currentPassword: created.oneTimePassword, newPassword: NEW_PASSWORD });
    await expect(owner.caller.auth.me()).resolves.toMatchObject({ notice: { kind: 'created' } });
    await expect(owner.caller.auth.dismissNotice()).resolves.toEqual({ ok: true });
    await expect(owner.caller.auth.me()).resolves.toMatchObject({ notice: null });
    expect(
      (await anonymousCaller(db, { clock }).caller.auth.login({ email: created.user.email, password: NEW_PASSWORD })).notice,
    ).toBeNull();

    const [event] = await db.auditEvent.findMany({
      where: { actorId: created.user.id, action: 'auth.notice.dismiss', outcome: 'allowed' },
    });
    expect(event).toMatchObject({
      outcome: 'allowed',
      entityType: 'User',
      entityId: created.user.id,
      detail: { credentialsSetAt: at.toISOString() },
    });
  });

  it('a reset: "reset by … at …", a new notice even after an earlier one was dismissed', async () => {
    const { town, admin } = await makeTown(db);
    const clock = manualClock();
    const user = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
    await db.user.update({ where: { id: user.id }, data: { noticeSeenAt: clock() } });
    clock.advance(60_000);
    const { oneTimePassword } = await (await callerFor(db, admin, { clock })).caller.users.resetPassword({ id: user.id });
    const me = await anonymousCaller(db, { clock }).caller.auth.login({ email: user.email, password: oneTimePassword });
    expect(me.notice).toMatchObject({ kind: 'reset', at: clock() });
    expect(me.notice?.by).toMatch(/^Test admin /);
  });

  it('an account whose password nobody else set has no notice', async () => {
    const { coordinator } = await makeTown(db);
    expect((await anonymousCaller(db).caller.auth.login({ email: coordinator.email, password: TEST_PASSWORD })).notice).toBeNull();
    await expect((await callerFor(db, coordinator)).caller.auth.me()).resolves.toMatchObject({ notice: null });
  });
});
