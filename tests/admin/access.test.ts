import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { makeHub } from '../helpers/hub-factories.js';

const { db } = await testDb();

type Town = Awaited<ReturnType<typeof makeTown>>;
type Caller = Awaited<ReturnType<typeof callerFor>>['caller'];

/** Each admin/audit procedure, called with valid input for the town. */
const procedures: Record<string, (c: Caller, t: Town) => Promise<unknown>> = {
  'agencies.list': (c) => c.agencies.list({}),
  'agencies.create': (c) => c.agencies.create({ name: `Made ${Math.random()}`, kind: 'school' }),
  'agencies.update': (c, t) => c.agencies.update({ id: t.agency.id, name: `Renamed ${Math.random()}` }),
  'users.list': (c) => c.users.list({}),
  'users.create': (c) =>
    c.users.create({
      email: `new.${Math.random().toString(36).slice(2)}@test.jisr.local`,
      displayName: 'New Person',
      role: 'social_worker',
    }),
  'users.update': (c, t) => c.users.update({ id: t.socialWorker.id, displayName: 'Changed Name' }),
  'users.disable': (c, t) => c.users.disable({ id: t.coordinator.id }),
  'users.enable': (c, t) => c.users.enable({ id: t.coordinator.id }),
  'users.resetPassword': (c, t) => c.users.resetPassword({ id: t.coordinator.id }),
  'users.directory': (c) => c.users.directory({ roles: ['social_worker'] }),
  'audit.list': (c) => c.audit.list({}),
  'audit.verify': (c) => c.audit.verify(),
};

const allowed: Record<Role, string[]> = {
  admin: Object.keys(procedures).filter((p) => !p.startsWith('audit.') && p !== 'users.directory'),
  auditor: ['audit.list', 'audit.verify'],
  coordinator: ['agencies.list', 'users.directory'],
  social_worker: [],
  agency_practitioner: [],
  // A hub's analyst (of a hub the town belongs to): no account, agency or audit procedure.
  hub_analyst: [],
};

const roleKey = {
  admin: 'admin',
  auditor: 'auditor',
  coordinator: 'coordinator',
  social_worker: 'socialWorker',
  agency_practitioner: 'practitioner',
} as const;

describe('who may call the admin and audit procedures', () => {
  for (const role of Object.keys(allowed) as Role[]) {
    it(`${role}: allowed exactly where DESIGN.md says, every refusal FORBIDDEN and audited`, async () => {
      const town = await makeTown(db);
      const actor = role === 'hub_analyst' ? (await makeHub(db, [{ id: town.town.id }])).analyst : town[roleKey[role]];
      const { caller } = await callerFor(db, actor);
      for (const [path, call] of Object.entries(procedures)) {
        if (allowed[role].includes(path)) {
          await expect(call(caller, town), `${role} ${path}`).resolves.toBeDefined();
        } else {
          await expect(call(caller, town), `${role} ${path}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
          // Refusals are recorded under the same action name as successes: agencies.create → agency.create.
          const action = path.replace(/^agencies\./, 'agency.').replace(/^users\./, 'user.');
          const denied = await db.auditEvent.count({
            where: { municipalityId: actor.municipalityId, actorId: actor.id, action, outcome: 'denied' },
          });
          expect(denied, `denial of ${path} audited`).toBe(1);
        }
      }
    });
  }
});

describe('another municipality', () => {
  it('is invisible to an admin: its agencies and users are NOT_FOUND and never listed', async () => {
    const mine = await makeTown(db);
    const theirs = await makeTown(db);
    const { caller } = await callerFor(db, mine.admin);
    await expect(caller.agencies.update({ id: theirs.agency.id, name: 'Hijacked' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.disable({ id: theirs.coordinator.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.update({ id: theirs.coordinator.id, role: 'admin' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.users.resetPassword({ id: theirs.coordinator.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      caller.users.create({
        email: 'cross.town@test.jisr.local',
        displayName: 'Cross Town',
        role: 'agency_practitioner',
        agencyId: theirs.agency.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const listed = await caller.users.list({});
    expect(listed.every((u) => u.email.endsWith('@test.jisr.local'))).toBe(true);
    expect(listed.map((u) => u.id)).not.toContain(theirs.coordinator.id);
    expect((await caller.agencies.list({})).map((a) => a.id)).toEqual([mine.agency.id]);
    // Nothing of theirs changed, and each attempt was audited as denied in my municipality.
    expect(await db.agency.findUniqueOrThrow({ where: { id: theirs.agency.id } })).toMatchObject({ name: theirs.agency.name });
    expect(await db.user.findUniqueOrThrow({ where: { id: theirs.coordinator.id } })).toMatchObject({
      disabledAt: null,
      role: 'coordinator',
    });
    const denials = await db.auditEvent.count({
      where: { municipalityId: mine.town.id, outcome: 'denied', detail: { equals: { code: 'NOT_FOUND' } } },
    });
    expect(denials).toBe(5);
  });

  it('is invisible to an auditor: its events are never listed', async () => {
    const mine = await makeTown(db);
    const theirs = await makeTown(db);
    await (await callerFor(db, theirs.admin)).caller.agencies.create({ name: 'Their agency', kind: 'health' });
    const { caller } = await callerFor(db, mine.auditor);
    await (await callerFor(db, mine.admin)).caller.agencies.create({ name: 'My agency', kind: 'health' });
    const { items } = await caller.audit.list({ limit: 200 });
    expect(items.some((e) => e.action === 'agency.create')).toBe(true);
    const ids = items.map((e) => e.entityId);
    const theirAgency = await db.agency.findFirstOrThrow({ where: { municipalityId: theirs.town.id, name: 'Their agency' } });
    expect(ids).not.toContain(theirAgency.id);
    // Events are numbered within the reader's own chain: every listed number is one of its events.
    const rows = await db.auditEvent.findMany({
      where: { chain: mine.town.id, seq: { in: items.map((e) => e.seq) } },
      select: { municipalityId: true },
    });
    expect(rows).toHaveLength(items.length);
    expect(new Set(rows.map((r) => r.municipalityId))).toEqual(new Set([mine.town.id]));
  });
});

describe('inactive agency', () => {
  it('cannot receive new users', async () => {
    const town = await makeTown(db);
    const closed = await makeAgency(db, town.town.id, { active: false });
    const { caller } = await callerFor(db, town.admin);
    await expect(
      caller.users.create({
        email: 'closed.agency@test.jisr.local',
        displayName: 'Closed Agency',
        role: 'agency_practitioner',
        agencyId: closed.id,
      }),
    ).rejects.toMatchObject({ message: 'AGENCY_INACTIVE' });
    const fresh = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    // A practitioner of an agency that closed can still change role without moving agency first.
    const stayed = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: closed.id });
    await expect(caller.users.update({ id: stayed.id, role: 'social_worker' })).resolves.toMatchObject({ role: 'social_worker' });
    await expect(caller.users.update({ id: fresh.id, role: 'agency_practitioner' })).rejects.toMatchObject({ message: 'AGENCY_REQUIRED' });
  });
});
