import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor } from '../helpers/callers.js';

const { db } = await testDb();

const actions = async (municipalityId: string) =>
  (await db.auditEvent.findMany({ where: { municipalityId, outcome: 'allowed' }, orderBy: { id: 'asc' }, select: { action: true } })).map(
    (e) => e.action,
  );

describe('agencies', () => {
  it('are created, renamed, re-kinded, deactivated and reactivated, each audited', async () => {
    const { town, admin } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const agency = await caller.agencies.create({ name: '  Centre Jeunesse Nord ', kind: 'youth' });
    expect(agency).toMatchObject({ name: 'Centre Jeunesse Nord', kind: 'youth', active: true });
    await caller.agencies.update({ id: agency.id, name: 'مركز الشباب الشمالي', kind: 'ngo' });
    await caller.agencies.update({ id: agency.id, active: false });
    expect((await caller.agencies.list({ includeInactive: false })).map((a) => a.id)).not.toContain(agency.id);
    await caller.agencies.update({ id: agency.id, active: true });
    expect(await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({
      name: 'مركز الشباب الشمالي',
      kind: 'ngo',
      active: true,
    });
    expect(await actions(town.id)).toEqual(['agency.create', 'agency.update', 'agency.deactivate', 'agency.list', 'agency.reactivate']);
  });

  it('refuse a duplicate name or bad input with a field error and change nothing', async () => {
    const { town, admin, agency } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const before = await db.agency.count({ where: { municipalityId: town.id } });
    await expect(caller.agencies.create({ name: agency.name, kind: 'school' })).rejects.toMatchObject({
      message: 'AGENCY_NAME_TAKEN',
      code: 'CONFLICT',
    });
    await expect(caller.agencies.create({ name: 'x', kind: 'school' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.agencies.create({ name: 'Valid name', kind: 'police' as 'school' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.agency.count({ where: { municipalityId: town.id } })).toBe(before);
    expect(await actions(town.id)).toEqual([]);
  });
});

describe('users', () => {
  it('are created with a one-time password that must be changed at first sign-in', async () => {
    const { town, admin, agency } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const { user, oneTimePassword } = await caller.users.create({
      email: 'New.Practitioner@Test.Jisr.Local',
      displayName: 'Nour Test',
      role: 'agency_practitioner',
      agencyId: agency.id,
      locale: 'fr',
    });
    expect(user).toMatchObject({ email: 'new.practitioner@test.jisr.local', mustChangePassword: true, agency: { id: agency.id } });
    expect(user).not.toHaveProperty('passwordHash');
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const first = anonymousCaller(db);
    await expect(first.caller.auth.login({ email: 'new.practitioner@test.jisr.local', password: oneTimePassword })).resolves.toMatchObject({
      mustChangePassword: true,
      locale: 'fr',
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { municipalityId: town.id, action: 'user.create' } });
    expect(event).toMatchObject({ actorId: admin.id, entityId: user.id });
    expect(JSON.stringify(event.detail)).not.toContain(oneTimePassword);
  });

  it('refuse a taken e-mail (any case) and an invalid one, changing nothing', async () => {
    const { town, admin, coordinator } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const before = await db.user.count();
    await expect(
      caller.users.create({ email: coordinator.email.toUpperCase(), displayName: 'Dup', role: 'auditor' }),
    ).rejects.toMatchObject({ message: 'EMAIL_TAKEN' });
    await expect(caller.users.create({ email: 'not-an-email', displayName: 'Bad', role: 'auditor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.users.create({ email: 'ok@test.jisr.local', displayName: 'Bad role', role: 'superuser' as 'admin' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.user.count()).toBe(before);
    expect(await actions(town.id)).toEqual([]);
  });

  it('disabled cannot sign in; enabled again can', async () => {
    const { admin, socialWorker } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    await caller.users.disable({ id: socialWorker.id });
    const login = () => anonymousCaller(db).caller.auth.login({ email: socialWorker.email, password: TEST_PASSWORD });
    await expect(login()).rejects.toMatchObject({ message: 'INVALID_CREDENTIALS' });
    await caller.users.enable({ id: socialWorker.id });
    await expect(login()).resolves.toMatchObject({ id: socialWorker.id });
  });

  it('a change of role ends the sessions; an admin cannot disable or demote themself', async () => {
    const { admin, coordinator } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const theirs = await callerFor(db, coordinator);
    await caller.users.update({ id: coordinator.id, role: 'social_worker', trainedAssessor: true });
    await expect(theirs.caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    await expect(caller.users.disable({ id: admin.id })).rejects.toMatchObject({ message: 'CANNOT_DISABLE_SELF' });
    await expect(caller.users.update({ id: admin.id, role: 'auditor' })).rejects.toMatchObject({ message: 'CANNOT_DISABLE_SELF' });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('reset password: a new one-time password, old password and sessions gone, lock lifted', async () => {
    const { admin, auditor } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const theirs = await callerFor(db, auditor);
    await db.user.update({ where: { id: auditor.id }, data: { lockedUntil: new Date('2099-01-01') } });
    const { oneTimePassword } = await caller.users.resetPassword({ id: auditor.id });
    await expect(theirs.caller.auth.me()).rejects.toMatchObject({ message: 'SESSION_EXPIRED' });
    const anon = anonymousCaller(db).caller;
    await expect(anon.auth.login({ email: auditor.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: 'INVALID_CREDENTIALS',
    });
    await expect(anon.auth.login({ email: auditor.email, password: oneTimePassword })).resolves.toMatchObject({ mustChangePassword: true });
  });

  it('every administrative change is audited with its actor and subject', async () => {
    const { town, admin, coordinator } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    await caller.users.list({});
    await caller.users.update({ id: coordinator.id, displayName: 'Renamed Coordinator' });
    await caller.users.disable({ id: coordinator.id });
    await caller.users.enable({ id: coordinator.id });
    await caller.users.resetPassword({ id: coordinator.id });
    const events = await db.auditEvent.findMany({ where: { municipalityId: town.id, actorId: admin.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.entityId, e.actorRole])).toEqual([
      ['user.list', null, 'admin'],
      ['user.update', coordinator.id, 'admin'],
      ['user.disable', coordinator.id, 'admin'],
      ['user.enable', coordinator.id, 'admin'],
      ['user.resetPassword', coordinator.id, 'admin'],
    ]);
    expect(events.every((e) => e.requestId && e.at instanceof Date && e.outcome === 'allowed')).toBe(true);
  });
});

describe('users.directory', () => {
  it('gives a coordinator the active colleagues of their municipality, without e-mails', async () => {
    const { coordinator, socialWorker, admin } = await makeTown(db);
    const other = await makeTown(db);
    await (await callerFor(db, admin)).caller.users.disable({ id: socialWorker.id });
    const list = await (await callerFor(db, coordinator)).caller.users.directory({});
    const ids = list.map((u) => u.id);
    expect(ids).toContain(coordinator.id);
    expect(ids).not.toContain(socialWorker.id);
    expect(ids).not.toContain(other.coordinator.id);
    expect(list[0]).not.toHaveProperty('email');
  });
});
