import { describe, expect, it } from 'vitest';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor, testConfig, testKeyring } from '../helpers/callers.js';
import { createContext } from '../../src/trpc/context.js';
import { createCaller } from '../../src/trpc/router.js';
import { manualClock, type ManualClock } from '../../src/lib/clock.js';
import { codeAt, secretField, STEP_SECONDS } from '../../src/auth/totp.js';
import { LOCK_AFTER_FAILURES } from '../../src/modules/auth/login.js';
import { makeCase } from '../helpers/case-factories.js';

const { db } = await testDb();
const STEP = STEP_SECONDS * 1000;
const REASON = 'Synthetic: the phone was lost, identity checked in person.';

/** A caller carrying a session cookie, as the browser's next request would. */
const withToken = (clock: ManualClock, token: string | null) =>
  createCaller(createContext({ db, clock, config: testConfig(), keyring: testKeyring }, { token, ip: '203.0.113.9', requestId: 'test' }));

/** Signs in with the password; returns the next request's caller and the login's answer. */
async function passwordStep(clock: ManualClock, email: string) {
  const { caller, ctx } = anonymousCaller(db, { clock });
  const me = await caller.auth.login({ email, password: TEST_PASSWORD });
  return { me, next: withToken(clock, ctx.cookie.token) };
}

/** A user who has enrolled (through the procedures), with the secret as the authenticator app holds it. */
async function enrolled(role: 'coordinator' | 'social_worker' | 'admin' | 'auditor' = 'coordinator', clock = manualClock()) {
  const town = await makeTown(db);
  const user = town[role === 'social_worker' ? 'socialWorker' : role];
  const { caller, sessionId } = await callerFor(db, user, { clock });
  const begun = await caller.auth.beginFactor();
  const key = decodeBase32IgnorePadding(begun.secret);
  const { recoveryCodes } = await caller.auth.confirmFactor({ code: codeAt(key, clock()) });
  return { ...town, user, caller, sessionId, key, recoveryCodes, begun, clock };
}

describe('TOTP enrolment and the two-step sign-in', () => {
  it('enrols from a QR code and text, then signs in with the password and a code; a replayed code is refused', async () => {
    const { user, key, begun, recoveryCodes, caller, clock } = await enrolled();
    expect(begun.qrSvg).toMatch(/^<svg/);
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Jisr:.*secret=/);
    expect(recoveryCodes).toHaveLength(10);
    await caller.auth.logout();

    clock.advance(2 * STEP);
    const { me, next } = await passwordStep(clock, user.email);
    expect(me.secondFactor).toBe('code');
    // Half signed in: nothing but the code step (and logout).
    await expect(next.auth.me()).rejects.toMatchObject({ message: 'SECOND_FACTOR_REQUIRED' });
    await expect(next.cases.list({})).rejects.toMatchObject({ message: 'SECOND_FACTOR_REQUIRED' });
    const code = codeAt(key, clock());
    await expect(next.auth.verifyFactor({ code })).resolves.toEqual({ ok: true });
    await expect(next.auth.me()).resolves.toMatchObject({ id: user.id, secondFactor: { enrolled: true, mustEnrol: false } });

    // The same code, in the same 30 seconds, on a new sign-in: refused.
    const again = await passwordStep(clock, user.email);
    await expect(again.next.auth.verifyFactor({ code })).rejects.toMatchObject({ message: 'INVALID_CODE' });
    await expect(again.next.auth.me()).rejects.toMatchObject({ message: 'SECOND_FACTOR_REQUIRED' });
  });

  it('accepts a code one step either side of now and refuses two steps away', async () => {
    const { user, key, clock } = await enrolled();
    clock.advance(10 * STEP);
    for (const [offset, ok] of [
      [-2, false],
      [2, false],
      [-1, true],
      [1, true],
    ] as const) {
      const { next } = await passwordStep(clock, user.email);
      const code = codeAt(key, new Date(clock().getTime() + offset * STEP));
      if (ok) await expect(next.auth.verifyFactor({ code }), `${offset}`).resolves.toEqual({ ok: true });
      else await expect(next.auth.verifyFactor({ code }), `${offset}`).rejects.toMatchObject({ message: 'INVALID_CODE' });
      clock.advance(3 * STEP);
    }
  });

  it('a recovery code works once', async () => {
    const { user, recoveryCodes, clock } = await enrolled();
    const first = await passwordStep(clock, user.email);
    await expect(first.next.auth.verifyFactor({ code: recoveryCodes[0]!.toUpperCase() })).resolves.toEqual({ ok: true });
    const second = await passwordStep(clock, user.email);
    await expect(second.next.auth.verifyFactor({ code: recoveryCodes[0]! })).rejects.toMatchObject({ message: 'INVALID_CODE' });
    await expect(second.next.auth.verifyFactor({ code: recoveryCodes[1]! })).resolves.toEqual({ ok: true });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(2);
  });

  it('wrong codes count toward the lockout: the fifth locks the account and ends the half session', async () => {
    const { user, clock } = await enrolled();
    const { next } = await passwordStep(clock, user.email);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      await expect(next.auth.verifyFactor({ code: '000000' })).rejects.toMatchObject({ message: 'INVALID_CODE' });
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(clock().getTime());
    await expect(next.auth.verifyFactor({ code: '000000' })).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    // Locked: the password alone now gets the one answer every failed sign-in gets.
    await expect(anonymousCaller(db, { clock }).caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: 'INVALID_CREDENTIALS',
    });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: 'auth.lock' } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: 'auth.factor.verify', outcome: 'denied' } })).toBe(
      LOCK_AFTER_FAILURES,
    );
  });

  it('the secret is stored encrypted, bound to its user', async () => {
    const { user, begun } = await enrolled();
    const other = await enrolled();
    const row = await db.secondFactor.findUniqueOrThrow({ where: { userId: user.id }, select: { secret: true } });
    expect(row.secret).not.toContain(begun.secret);
    expect(row.secret).toMatch(/^v1\./);
    expect(testKeyring.decrypt(row.secret, secretField(user.id))).toBe(begun.secret);
    // Copied onto another user's row it does not open.
    expect(() => testKeyring.decrypt(row.secret, secretField(other.user.id))).toThrow();
    const codes = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(codes).toHaveLength(10);
    expect(codes.every((c) => /^[0-9a-f]{64}$/.test(c.codeHash))).toBe(true);
  });
});

describe('a role that requires a second factor', () => {
  it('forces enrolment at the next sign-in and blocks everything else until then', async () => {
    const town = await makeMunicipality(db, { secondFactorRoles: ['coordinator', 'auditor', 'admin'] });
    const coordinator = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
    const socialWorker = await makeUser(db, { municipalityId: town.id, role: 'social_worker' });
    const clock = manualClock();
    const { me, next } = await passwordStep(clock, coordinator.email);
    expect(me.secondFactor).toBeNull();
    await expect(next.auth.me()).resolves.toMatchObject({ secondFactor: { enrolled: false, mustEnrol: true } });
    await expect(next.cases.list({})).rejects.toMatchObject({ message: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    await expect(next.auth.sessions()).rejects.toMatchObject({ message: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    const key = decodeBase32IgnorePadding((await next.auth.beginFactor()).secret);
    await expect(next.auth.confirmFactor({ code: '123456' === codeAt(key, clock()) ? '654321' : '123456' })).rejects.toMatchObject({
      message: 'INVALID_CODE',
    });
    await next.auth.confirmFactor({ code: codeAt(key, clock()) });
    await expect(next.cases.list({})).resolves.toBeDefined();
    // A role not required signs in as before.
    const sw = await passwordStep(clock, socialWorker.email);
    await expect(sw.next.cases.list({})).resolves.toBeDefined();
  });

  it('the admin sets the roles; the change is audited', async () => {
    const { admin, coordinator } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    await expect(caller.work.factorRoles()).resolves.toEqual({ roles: [] });
    await caller.work.setFactorRoles({ roles: ['coordinator'] });
    const { caller: c } = await callerFor(db, coordinator);
    await expect(c.cases.list({})).rejects.toMatchObject({ message: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    const { caller: other } = await callerFor(db, coordinator);
    await expect(other.work.setFactorRoles({ roles: [] })).rejects.toMatchObject({ message: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: admin.id, action: 'settings.update' },
      select: { detail: true },
    });
    expect(event.detail).toMatchObject({ after: { secondFactorRoles: ['coordinator'] } });
  });
});

describe('step-up for the audit export', () => {
  it('an enrolled auditor must prove the factor within 5 minutes; a fresh code opens the export', async () => {
    const { caller, key, clock } = await enrolled('auditor');
    // Enrolment proved the factor just now.
    await expect(caller.audit.export({})).resolves.toBeDefined();
    clock.advance(5 * 60_000 + 1_000);
    await expect(caller.audit.export({})).rejects.toMatchObject({ message: 'STEP_UP_REQUIRED' });
    await expect(caller.auth.stepUp({ code: '000000' })).rejects.toMatchObject({ message: 'INVALID_CODE' });
    await caller.auth.stepUp({ code: codeAt(key, clock()) });
    await expect(caller.audit.export({})).resolves.toBeDefined();
    clock.advance(4 * 60_000);
    await expect(caller.audit.export({})).resolves.toBeDefined();
    expect(
      await db.auditEvent.count({
        where: { action: 'audit.export', outcome: 'denied', detail: { path: ['code'], equals: 'STEP_UP_REQUIRED' } },
      }),
    ).toBe(1);
  });

  it('an enrolled social worker proves the factor again before emergency access to a case (break-glass)', async () => {
    const worker = await enrolled('social_worker');
    const { caller, key, clock } = worker;
    const c = await makeCase(db, worker, { keyWorkerId: null });
    const ask = () =>
      caller.cases.breakGlass({ caseId: c.id, sections: ['summary'], justification: 'Synthetic: the family reports danger tonight.' });
    clock.advance(5 * 60_000 + 1_000);
    await expect(ask()).rejects.toMatchObject({ message: 'STEP_UP_REQUIRED' });
    expect(await db.breakGlass.count({ where: { caseId: c.id } })).toBe(0);
    await caller.auth.stepUp({ code: codeAt(key, clock()) });
    await expect(ask()).resolves.toMatchObject({ caseId: c.id });
  });

  it('an auditor without a second factor (not required) exports as before', async () => {
    const { auditor } = await makeTown(db);
    const { caller } = await callerFor(db, auditor);
    await expect(caller.audit.export({})).resolves.toBeDefined();
  });
});

describe('resetting a second factor takes two people', () => {
  it('an admin asks; they cannot confirm it themselves; the auditor confirms; both are flagged', async () => {
    const { user: coordinator, town, admin, auditor } = await enrolled('coordinator');
    const { caller: asker } = await callerFor(db, admin);
    const reset = await asker.users.requestFactorReset({ id: coordinator.id, reason: REASON });
    await expect(asker.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ message: 'FORBIDDEN' });
    expect(await db.secondFactor.count({ where: { userId: coordinator.id } })).toBe(1);

    const { caller: confirmer } = await callerFor(db, auditor);
    await expect(confirmer.users.factorResets()).resolves.toMatchObject([{ id: reset.id, user: { id: coordinator.id }, mine: false }]);
    await confirmer.users.confirmFactorReset({ id: reset.id });
    expect(await db.secondFactor.count({ where: { userId: coordinator.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: coordinator.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: coordinator.id, endedAt: null } })).toBe(0);

    const flags = await db.auditFlag.findMany({
      where: { municipalityId: town.id, subjectUserId: coordinator.id },
      select: { kind: true, actorId: true },
    });
    expect(flags).toEqual(
      expect.arrayContaining([
        { kind: 'second_factor_reset_requested', actorId: admin.id },
        { kind: 'second_factor_reset_confirmed', actorId: auditor.id },
      ]),
    );
    const events = await db.auditEvent.findMany({
      where: { action: { in: ['user.factorReset.request', 'user.factorReset.confirm'] }, municipalityId: town.id },
      select: { action: true, outcome: true, actorId: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'user.factorReset.request', outcome: 'allowed', actorId: admin.id },
        { action: 'user.factorReset.confirm', outcome: 'denied', actorId: admin.id },
        { action: 'user.factorReset.confirm', outcome: 'allowed', actorId: auditor.id },
      ]),
    );
    // Signs in with the password alone now.
    const { me } = await passwordStep(manualClock(), coordinator.email);
    expect(me.secondFactor).toBeNull();
  });

  it('a second admin may confirm; a coordinator may do neither', async () => {
    const { user: coordinator, town, admin } = await enrolled('coordinator');
    const admin2 = await makeUser(db, { municipalityId: town.id, role: 'admin' });
    const { caller: c } = await callerFor(db, coordinator);
    await expect(c.users.requestFactorReset({ id: coordinator.id, reason: REASON })).rejects.toMatchObject({ message: 'FORBIDDEN' });
    const reset = await (await callerFor(db, admin)).caller.users.requestFactorReset({ id: coordinator.id, reason: REASON });
    await expect(c.users.confirmFactorReset({ id: reset.id })).rejects.toMatchObject({ message: 'FORBIDDEN' });
    await expect((await callerFor(db, admin2)).caller.users.confirmFactorReset({ id: reset.id })).resolves.toEqual({ ok: true });
  });
});
