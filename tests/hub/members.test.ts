import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();
const NOW = new Date('2026-04-10T09:00:00Z');
const as = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user, { clock: manualClock(NOW) })).caller;
const membership = (hubId: string, municipalityId: string) =>
  db.hubMember.findUnique({ where: { hubId_municipalityId: { hubId, municipalityId } }, select: { shareFigures: true } });

describe("the hub's members (its admin) and a city's choice to share (the city's admin)", () => {
  it('the hub admin adds a city, which shares nothing until its own admin opts in; removing it stops its figures at once', async () => {
    const town = await makeTown(db);
    const H = await makeHub(db);
    const admin = await as(H.admin);
    const before = await admin.hub.members();
    expect(before.members).toEqual([]);
    expect(before.candidates.map((c) => c.id)).toContain(town.town.id);
    expect(before.candidates.map((c) => c.id)).not.toContain(H.hub.id);
    await admin.hub.addMember({ municipalityId: town.town.id });
    expect(await membership(H.hub.id, town.town.id)).toEqual({ shareFigures: false });
    // Each year is counted once, at its first request after it is published (hub/release.ts): 2025, asked in April 2026.
    expect((await (await as(H.analyst)).hub.figures({ year: 2025 })).municipalities).toEqual([]);
    // The city's admin sees the hub and opts in.
    const city = await as(town.admin);
    expect(await city.hub.memberships()).toMatchObject([{ hubId: H.hub.id, shareFigures: false }]);
    await city.hub.setSharing({ hubId: H.hub.id, share: true });
    const in2027 = (await callerFor(db, H.analyst, { clock: manualClock(new Date('2027-03-01T09:00:00Z')) })).caller;
    expect((await in2027.hub.figures({ year: 2026 })).municipalities.map((m) => m.id)).toEqual([town.town.id]);
    // 2025 was published without it, and stays so.
    expect((await in2027.hub.figures({ year: 2025 })).municipalities).toEqual([]);
    expect((await admin.hub.members()).members).toMatchObject([{ id: town.town.id, shareFigures: true }]);
    // Removed, then added again: the city's earlier choice does not come back with it.
    await admin.hub.removeMember({ municipalityId: town.town.id });
    const in2028 = (await callerFor(db, H.analyst, { clock: manualClock(new Date('2028-03-01T09:00:00Z')) })).caller;
    expect((await in2028.hub.figures({ year: 2027 })).municipalities).toEqual([]);
    await admin.hub.addMember({ municipalityId: town.town.id });
    expect(await membership(H.hub.id, town.town.id)).toEqual({ shareFigures: false });
    // Each step on the chain of the one who took it.
    const chain = (municipalityId: string, action: string) =>
      db.auditEvent.count({ where: { municipalityId, action, outcome: 'allowed' } });
    expect(await chain(H.hub.id, 'hub.member.add')).toBe(2);
    expect(await chain(H.hub.id, 'hub.member.remove')).toBe(1);
    expect(await chain(town.town.id, 'hub.sharing.set')).toBe(1);
  });

  it('refuses what is not the caller’s: a city admin managing members, a hub admin choosing for a city, a hub the city is not in', async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    const H = await makeHub(db, [{ id: town.town.id, share: false }]);
    const H2 = await makeHub(db, [{ id: other.town.id, share: false }]);
    const city = await as(town.admin);
    expect((await failure(city.hub.members())).code).toBe('FORBIDDEN');
    expect((await failure(city.hub.addMember({ municipalityId: other.town.id }))).code).toBe('FORBIDDEN');
    expect((await failure(city.hub.removeMember({ municipalityId: town.town.id }))).code).toBe('FORBIDDEN');
    expect(await auditCount(db, town.admin.id, 'hub.member.remove', 'denied')).toBe(1);
    // Another hub's membership: NOT_FOUND, and nothing changes there.
    expect((await failure(city.hub.setSharing({ hubId: H2.hub.id, share: true }))).code).toBe('NOT_FOUND');
    expect(await membership(H2.hub.id, other.town.id)).toEqual({ shareFigures: false });
    const hubAdmin = await as(H.admin);
    expect((await failure(hubAdmin.hub.setSharing({ hubId: H.hub.id, share: true }))).code).toBe('FORBIDDEN');
    expect((await failure(hubAdmin.hub.memberships())).code).toBe('FORBIDDEN');
    expect(await membership(H.hub.id, town.town.id)).toEqual({ shareFigures: false });
    // Roles without the action at all.
    for (const user of [town.coordinator, town.auditor, H.analyst]) {
      expect((await failure((await as(user)).hub.setSharing({ hubId: H.hub.id, share: true }))).code, user.role).toBe('FORBIDDEN');
      expect((await failure((await as(user)).hub.addMember({ municipalityId: other.town.id }))).code, user.role).toBe('FORBIDDEN');
    }
    expect(await membership(H.hub.id, town.town.id)).toEqual({ shareFigures: false });
    expect(await membership(H.hub.id, other.town.id)).toBeNull();
    // The hub admin removes a city of another hub: NOT_FOUND, the other hub keeps it.
    expect((await failure(hubAdmin.hub.removeMember({ municipalityId: other.town.id }))).code).toBe('NOT_FOUND');
    expect(await membership(H2.hub.id, other.town.id)).toEqual({ shareFigures: false });
  });

  it('adds only cities, once: a hub or an unknown id is NOT_FOUND, a member again ALREADY_MEMBER (translated field errors)', async () => {
    const town = await makeTown(db);
    const H = await makeHub(db, [{ id: town.town.id }]);
    const H2 = await makeHub(db);
    const admin = await as(H.admin);
    expect(await failure(admin.hub.addMember({ municipalityId: H2.hub.id }))).toMatchObject({
      code: 'NOT_FOUND',
      fields: { municipalityId: 'NOT_FOUND' },
    });
    expect(await failure(admin.hub.addMember({ municipalityId: crypto.randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(admin.hub.addMember({ municipalityId: town.town.id }))).toMatchObject({
      code: 'ALREADY_MEMBER',
      fields: { municipalityId: 'ALREADY_MEMBER' },
    });
    expect(await failure(admin.hub.addMember({ municipalityId: 'not-an-id' }))).toMatchObject({ code: 'BAD_INPUT' });
    expect(await db.hubMember.count({ where: { hubId: H.hub.id } })).toBe(1);
  });
});

describe('the roles of a hub and of a city', () => {
  it('a hub holds hub analysts, auditors and its admin only; a city no hub analyst (users.create and users.update refuse, translated)', async () => {
    const town = await makeTown(db);
    const H = await makeHub(db);
    const hubAdmin = await as(H.admin);
    const email = () => `hub.${crypto.randomUUID().slice(0, 8)}@test.jisr.local`;
    const made = await hubAdmin.users.create({ email: email(), displayName: 'Hub Analyst Synthetic', role: 'hub_analyst' });
    expect(made.user.role).toBe('hub_analyst');
    const auditor = await hubAdmin.users.create({ email: email(), displayName: 'Hub Auditor Synthetic', role: 'auditor' });
    expect(auditor.user.role).toBe('auditor');
    for (const role of ['coordinator', 'social_worker', 'agency_practitioner'] as const)
      expect(await failure(hubAdmin.users.create({ email: email(), displayName: 'Case Role Synthetic', role })), role).toMatchObject({
        code: 'ROLE_NOT_FOR_KIND',
        fields: { role: 'ROLE_NOT_FOR_KIND' },
      });
    expect(await failure(hubAdmin.users.update({ id: made.user.id, role: 'coordinator' }))).toMatchObject({ code: 'ROLE_NOT_FOR_KIND' });
    const cityAdmin = await as(town.admin);
    expect(await failure(cityAdmin.users.create({ email: email(), displayName: 'Analyst Synthetic', role: 'hub_analyst' }))).toMatchObject({
      code: 'ROLE_NOT_FOR_KIND',
    });
    expect(await failure(cityAdmin.users.update({ id: town.socialWorker.id, role: 'hub_analyst' }))).toMatchObject({
      code: 'ROLE_NOT_FOR_KIND',
    });
    // An analyst made auditor and back: both roles fit a hub.
    await hubAdmin.users.update({ id: made.user.id, role: 'auditor' });
    await hubAdmin.users.update({ id: made.user.id, role: 'hub_analyst' });
    expect(await db.user.count({ where: { municipalityId: H.hub.id } })).toBe(5);
    expect(await db.user.count({ where: { municipalityId: town.town.id, role: 'hub_analyst' } })).toBe(0);
    // The database refuses it too (the trigger under the services).
    await expect(makeUser(db, { municipalityId: H.hub.id, role: 'coordinator' })).rejects.toThrow();
    await expect(db.user.update({ where: { id: town.coordinator.id }, data: { municipalityId: H.hub.id } })).rejects.toThrow();
    expect((await makeUser(db, { municipalityId: H.hub.id, role: 'auditor' })).role).toBe('auditor');
    await expect(makeUser(db, { municipalityId: town.town.id, role: 'hub_analyst' })).rejects.toThrow();
    await expect(db.user.update({ where: { id: H.analyst.id }, data: { municipalityId: town.town.id } })).rejects.toThrow();
  });
});
