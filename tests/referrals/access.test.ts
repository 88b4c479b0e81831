import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral, referralInput } from '../helpers/referral-factories.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { makeHub } from '../helpers/hub-factories.js';

const { db } = await testDb();

type Town = Awaited<ReturnType<typeof makeTown>>;
type Caller = Awaited<ReturnType<typeof callerFor>>['caller'];
type Actor = Town['socialWorker'];

const roleKey = {
  admin: 'admin',
  auditor: 'auditor',
  coordinator: 'coordinator',
  social_worker: 'socialWorker',
  agency_practitioner: 'practitioner',
} as const;

/**
 * Each referral procedure with valid input. `get` reads a referral of the actor's own when they
 * could have made one (a referrer sees their own), else one of the social worker's.
 */
const procedures: Record<string, { action: string; call: (c: Caller, t: Town, actor: Actor) => Promise<unknown> }> = {
  'referrals.create': { action: 'referral.create', call: (c) => c.referrals.create(referralInput()) },
  'referrals.mine': { action: 'referral.mine', call: (c) => c.referrals.mine({}) },
  'referrals.queue': { action: 'referral.queue', call: (c) => c.referrals.queue({}) },
  'referrals.get': {
    action: 'referral.read',
    call: async (c, t, actor) => {
      const referrer = ['admin', 'auditor', 'hub_analyst'].includes(actor.role) ? t.socialWorker : actor;
      return c.referrals.get({ id: (await makeReferral(db, testKeyring, { town: t, referrer })).id });
    },
  },
  'referrals.screen': {
    action: 'referral.screen',
    call: async (c, t) =>
      c.referrals.screen({ id: (await makeReferral(db, testKeyring, { town: t, referrer: t.socialWorker })).id, decision: 'accept' }),
  },
};

// DESIGN.md "who may do what": log a referral SW C AP; see its status own/all/own; screen C only.
const allowed: Record<Role, string[]> = {
  social_worker: ['referrals.create', 'referrals.mine', 'referrals.get'],
  coordinator: Object.keys(procedures),
  agency_practitioner: ['referrals.create', 'referrals.mine', 'referrals.get'],
  auditor: [],
  admin: [],
  // A hub's analyst: figures of the hub only, nothing of any referral.
  hub_analyst: [],
};

const denials = (townId: string, actorId: string, action: string, code: string) =>
  db.auditEvent.count({ where: { municipalityId: townId, actorId, action, outcome: 'denied', detail: { equals: { code } } } });

describe('who may call the referral procedures', () => {
  for (const role of Object.keys(allowed) as Role[]) {
    it(`${role}: allowed exactly where DESIGN.md says, every refusal FORBIDDEN and audited`, async () => {
      const town = await makeTown(db);
      const actor = role === 'hub_analyst' ? (await makeHub(db, [{ id: town.town.id }])).analyst : town[roleKey[role]];
      const { caller } = await callerFor(db, actor);
      for (const [path, { action, call }] of Object.entries(procedures)) {
        if (allowed[role].includes(path)) {
          await expect(call(caller, town, actor), `${role} ${path}`).resolves.toBeDefined();
          expect(
            await db.auditEvent.count({ where: { actorId: actor.id, action, outcome: 'allowed' } }),
            `${path} audited`,
          ).toBeGreaterThan(0);
        } else {
          await expect(call(caller, town, actor), `${role} ${path}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
          expect(await denials(actor.municipalityId, actor.id, action, 'FORBIDDEN'), `denial of ${path} audited`).toBe(1);
        }
      }
      // Nothing was created by a role that may not refer.
      if (!allowed[role].includes('referrals.create')) expect(await db.referral.count({ where: { referrerId: actor.id } })).toBe(0);
    });
  }
});

describe("another user's referral", () => {
  it('is NOT_FOUND to a social worker or practitioner who did not make it, audited, and never in their list', async () => {
    const town = await makeTown(db);
    const theirs = await makeReferral(db, testKeyring, { town, referrer: town.coordinator });
    for (const actor of [town.socialWorker, town.practitioner]) {
      const { caller } = await callerFor(db, actor);
      await expect(caller.referrals.get({ id: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await caller.referrals.mine({})).items).toEqual([]);
      const [denied] = await db.auditEvent.findMany({
        where: { actorId: actor.id, outcome: 'denied' },
        select: { action: true, entityType: true, entityId: true },
      });
      expect(denied).toEqual({ action: 'referral.read', entityType: 'Referral', entityId: theirs.id });
    }
  });

  it('is NOT_FOUND when referring a person the social worker may not see, and nothing is written', async () => {
    const town = await makeTown(db);
    const hidden = await makePerson(db, town.town.id, { nameLatin: 'Hidden Person' });
    const { caller } = await callerFor(db, town.socialWorker);
    const input = referralInput({ newPerson: undefined, personId: hidden.id });
    await expect(caller.referrals.create(input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { options: { fields: { personId: 'NOT_FOUND' } } },
    });
    expect(await db.referral.count({ where: { municipalityId: town.town.id } })).toBe(0);
    expect(await denials(town.town.id, town.socialWorker.id, 'referral.create', 'NOT_FOUND')).toBe(1);
  });
});

describe('another municipality', () => {
  it('is invisible to a coordinator: its referrals are NOT_FOUND, unscreenable, never queued, its people unreferable', async () => {
    const mine = await makeTown(db);
    const theirs = await makeTown(db);
    const referral = await makeReferral(db, testKeyring, { town: theirs, referrer: theirs.socialWorker });
    const { caller } = await callerFor(db, mine.coordinator);
    await expect(caller.referrals.get({ id: referral.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.referrals.screen({ id: referral.id, decision: 'accept' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.referrals.create(referralInput({ newPerson: undefined, personId: referral.personId }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await caller.referrals.queue({})).items).toEqual([]);
    // Nothing of theirs changed; each attempt audited as denied in my municipality's chain.
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true } })).toEqual({ status: 'submitted' });
    expect(await db.case.count({ where: { municipalityId: { in: [mine.town.id, theirs.town.id] } } })).toBe(0);
    expect(await db.referral.count({ where: { municipalityId: mine.town.id } })).toBe(0);
    for (const action of ['referral.read', 'referral.screen', 'referral.create']) {
      expect(await denials(mine.town.id, mine.coordinator.id, action, 'NOT_FOUND'), action).toBe(1);
    }
    expect(await db.auditEvent.count({ where: { municipalityId: theirs.town.id, actorId: mine.coordinator.id } })).toBe(0);
  });
});
