import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { callerFor } from '../helpers/callers.js';
import { codeAt } from '../../src/auth/totp.js';

const { db } = await testDb();
const REASON = 'Synthetic: phone lost, identity checked in person at the town hall.';

/** Enrols an account's second factor through the procedures, as its owner would. */
async function enrol(user: { id: string; municipalityId: string }) {
  const { caller, clock } = await callerFor(db, user);
  const key = decodeBase32IgnorePadding((await caller.auth.beginFactor()).secret);
  await caller.auth.confirmFactor({ code: codeAt(key, clock()) });
}
const factorOf = (userId: string) => db.secondFactor.count({ where: { userId } });
const as = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user)).caller;

describe('a second-factor reset, asked with a reason', () => {
  it('shows the reason to the second person only decrypted; the row, the event and the flag never hold it in clear', async () => {
    const { town, admin, auditor, coordinator } = await makeTown(db);
    await enrol(coordinator);
    const reset = await (await as(admin)).users.requestFactorReset({ id: coordinator.id, reason: REASON });
    const row = await db.secondFactorReset.findUniqueOrThrow({ where: { id: reset.id }, select: { reason: true } });
    expect(row.reason).not.toContain('phone');
    const list = await (await as(auditor)).users.factorResets();
    expect(list).toMatchObject([{ id: reset.id, reason: REASON, mine: false, user: { id: coordinator.id } }]);
    const trail =
      JSON.stringify(await db.auditEvent.findMany({ where: { municipalityId: town.id }, select: { detail: true } })) +
      JSON.stringify(await db.auditFlag.findMany({ where: { municipalityId: town.id }, select: { detail: true } }));
    expect(trail).not.toContain('phone lost');
    // The users page learns the account is enrolled and a reset waits.
    const listed = (await (await as(admin)).users.list({})).find((u) => u.id === coordinator.id);
    expect(listed?.factor).toEqual({ enrolled: true, resetPending: true });
  });

  it('refuses a missing or too short reason at the field, and makes nothing', async () => {
    const { admin, coordinator } = await makeTown(db);
    const caller = await as(admin);
    await expect(caller.users.requestFactorReset({ id: coordinator.id, reason: 'lost' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.users.requestFactorReset({ id: coordinator.id, reason: '          ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.users.requestFactorReset({ id: coordinator.id } as { id: string; reason: string })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await db.secondFactorReset.count({ where: { userId: coordinator.id } })).toBe(0);
  });

  it('a second request while one waits is FACTOR_RESET_PENDING', async () => {
    const { town, admin, coordinator } = await makeTown(db);
    const admin2 = await makeUser(db, { municipalityId: town.id, role: 'admin' });
    await (await as(admin)).users.requestFactorReset({ id: coordinator.id, reason: REASON });
    await expect((await as(admin2)).users.requestFactorReset({ id: coordinator.id, reason: REASON })).rejects.toMatchObject({
      message: 'FACTOR_RESET_PENDING',
      code: 'CONFLICT',
    });
    expect(await db.secondFactorReset.count({ where: { userId: coordinator.id } })).toBe(1);
  });
});

describe('who may confirm', () => {
  it('the requester cannot confirm their own request (FORBIDDEN, audited), the list marks it theirs', async () => {
    const { town, admin, coordinator } = await makeTown(db);
    await enrol(coordinator);
    const caller = await as(admin);
    const reset = await caller.users.requestFactorReset({ id: coordinator.id, reason: REASON });
    expect(await caller.users.factorResets()).toMatchObject([{ id: reset.id, mine: true }]);
    await expect(caller.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await factorOf(coordinator.id)).toBe(1);
    expect((await db.secondFactorReset.findUniqueOrThrow({ where: { id: reset.id } })).confirmedAt).toBeNull();
    const denied = await db.auditEvent.findMany({
      where: { municipalityId: town.id, action: 'user.factorReset.confirm' },
      select: { outcome: true, entityId: true },
    });
    expect(denied).toEqual([{ outcome: 'denied', entityId: reset.id }]);
  });

  it('the account’s owner cannot confirm the reset of their own factor, even as an admin', async () => {
    const { town, admin } = await makeTown(db);
    const admin2 = await makeUser(db, { municipalityId: town.id, role: 'admin' });
    await enrol(admin2);
    const reset = await (await as(admin)).users.requestFactorReset({ id: admin2.id, reason: REASON });
    const caller = await as(admin2);
    expect(await caller.users.factorResets()).toMatchObject([{ id: reset.id, mine: true }]);
    await expect(caller.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await factorOf(admin2.id)).toBe(1);
  });

  it.each(['coordinator', 'socialWorker', 'practitioner'] as const)('the %s may neither ask, list nor confirm', async (role) => {
    const t = await makeTown(db);
    await enrol(t.auditor);
    const reset = await (await as(t.admin)).users.requestFactorReset({ id: t.auditor.id, reason: REASON });
    const caller = await as(t[role]);
    await expect(caller.users.factorResets()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.users.requestFactorReset({ id: t.coordinator.id, reason: REASON })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await factorOf(t.auditor.id)).toBe(1);
    expect(await db.secondFactorReset.count({ where: { municipalityId: t.town.id } })).toBe(1);
  });

  it('an account whose password the requester set within 30 days cannot confirm (a second name for the same admin)', async () => {
    const { admin, coordinator } = await makeTown(db);
    await enrol(coordinator);
    const requester = await as(admin);
    // The requester makes a new admin, whose one-time password they hold, then asks.
    const made = await requester.users.create({
      email: `second.${randomUUID().slice(0, 8)}@test.jisr.local`,
      displayName: 'Second Synthetic',
      role: 'admin',
    });
    const reset = await requester.users.requestFactorReset({ id: coordinator.id, reason: REASON });
    const puppet = await as({ id: made.user.id, municipalityId: admin.municipalityId });
    await puppet.auth.changePassword({ currentPassword: made.oneTimePassword, newPassword: 'a passphrase the requester chose 41' });
    await expect(puppet.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'FACTOR_RESET_NOT_INDEPENDENT',
    });
    expect(await factorOf(coordinator.id)).toBe(1);
    // 31 days later the password is the owner's own business: the same account may confirm.
    const { requestedAt } = await db.secondFactorReset.findUniqueOrThrow({ where: { id: reset.id }, select: { requestedAt: true } });
    const monthAgo = new Date(requestedAt.getTime() - 31 * 86_400_000);
    await db.user.update({ where: { id: made.user.id }, data: { credentialsSetAt: monthAgo } });
    await expect(puppet.users.confirmFactorReset({ id: reset.id })).resolves.toEqual({ ok: true });
    expect(await factorOf(coordinator.id)).toBe(0);
  });

  it('the auditor confirms but may not ask', async () => {
    const { admin, auditor, coordinator } = await makeTown(db);
    await enrol(coordinator);
    const caller = await as(auditor);
    await expect(caller.users.requestFactorReset({ id: coordinator.id, reason: REASON })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reset = await (await as(admin)).users.requestFactorReset({ id: coordinator.id, reason: REASON });
    await expect(caller.users.confirmFactorReset({ id: reset.id })).resolves.toEqual({ ok: true });
    expect(await factorOf(coordinator.id)).toBe(0);
    // Confirmed once: it leaves the list, and a second confirmation is NOT_FOUND.
    expect(await caller.users.factorResets()).toEqual([]);
    await expect(caller.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('another municipality: its accounts and requests are NOT_FOUND, its list is not shown', async () => {
    const a = await makeTown(db);
    const b = await makeTown(db);
    await enrol(a.coordinator);
    const reset = await (await as(a.admin)).users.requestFactorReset({ id: a.coordinator.id, reason: REASON });
    const bAdmin = await as(b.admin);
    await expect(bAdmin.users.requestFactorReset({ id: a.socialWorker.id, reason: REASON })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(bAdmin.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await as(b.auditor)).users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await bAdmin.users.factorResets()).toEqual([]);
    expect(await factorOf(a.coordinator.id)).toBe(1);
    expect(await db.secondFactorReset.count({ where: { userId: a.socialWorker.id } })).toBe(0);
  });

  it('crafted ids: unknown is NOT_FOUND, malformed is BAD_REQUEST', async () => {
    const { admin, auditor } = await makeTown(db);
    await expect((await as(auditor)).users.confirmFactorReset({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await as(admin)).users.requestFactorReset({ id: randomUUID(), reason: REASON })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect((await as(auditor)).users.confirmFactorReset({ id: '1 OR 1=1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
