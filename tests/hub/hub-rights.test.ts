import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { signIn } from '../helpers/http.js';
import { CALLS } from '../matrix/calls.js';
import { GRID } from '../matrix/matrix.js';
import type { Actor, Scenario, TargetIds } from '../matrix/scenario.js';
import { dataOf } from '../matrix/client.js';
import { context, matrixWorld, outcomeOf, PROCEDURES } from '../matrix/walk.js';

/**
 * Every procedure of the app router, called over HTTP by each role a hub holds (its admin, its auditor,
 * its analyst), with the matrix's valid inputs (tests/matrix/calls.ts): FORBIDDEN, audited as denied on
 * the hub's own chain, for everything but the list of modules/hub/policy.ts, and those work. The records
 * the refused calls name are a member city's (A of the matrix's scenario) or the hub's own accounts, so a
 * refusal is about the role in a hub, never about a record out of reach.
 */
const OWN_ACCOUNT = [
  'auth.login',
  'auth.me',
  'auth.logout',
  'auth.sessions',
  'auth.endSession',
  'auth.changePassword',
  'auth.setLocale',
  'auth.dismissNotice',
  'auth.beginFactor',
  'auth.confirmFactor',
  'auth.verifyFactor',
  'auth.keepAlive',
  'auth.stepUp',
  'alerts.preferences',
  'alerts.setPreferences',
];
const ALLOWED = {
  admin: [
    ...OWN_ACCOUNT,
    'users.list',
    'users.create',
    'users.update',
    'users.disable',
    'users.enable',
    'users.resetPassword',
    'users.factorResets',
    'users.requestFactorReset',
    'users.confirmFactorReset',
    'users.sessions',
    'users.endSession',
    'work.flagSettings',
    'work.setFlagSettings',
    'work.factorRoles',
    'work.setFactorRoles',
    'hub.members',
    'hub.addMember',
    'hub.removeMember',
  ],
  auditor: [
    ...OWN_ACCOUNT,
    'audit.list',
    'audit.verify',
    'audit.export',
    'audit.anchors',
    'audit.flags',
    'audit.flag',
    'audit.reviewFlag',
    'users.factorResets',
    'users.confirmFactorReset',
  ],
  hub_analyst: [...OWN_ACCOUNT, 'hub.figures'],
} as const;
type HubRole = keyof typeof ALLOWED;

const REASON = 'Synthetic minuted reason for the hub walk.';

/** A signed-in user of the scenario's hub in `role`, with a colleague and a spare as the matrix's actors have. */
async function hubActor(s: Scenario, role: HubRole): Promise<Actor> {
  const { db, app } = context();
  const user = { admin: s.hub.admin, auditor: s.hub.auditor, hub_analyst: s.hub.analyst }[role];
  const home = { municipalityId: s.hub.hub.id, role };
  const [colleague, spare] = await Promise.all([makeUser(db, home), makeUser(db, home)]);
  return { role, user, colleague, spare, cookie: await signIn(app, user.email, TEST_PASSWORD) };
}

/** The record a row names: the hub's own accounts and sessions; for every other kind, a member city's (A). */
async function idsFor(s: Scenario, actor: Actor, procedure: string): Promise<TargetIds> {
  const { db } = context();
  const kind = GRID[procedure]!.target;
  if (kind === 'none') return {};
  if (kind === 'user') return { userId: (await makeUser(db, { municipalityId: s.hub.hub.id, role: 'hub_analyst' })).id };
  if (kind === 'session') {
    const owner = procedure === 'auth.endSession' ? actor.user : actor.colleague;
    return { sessionId: (await s.sessionOf(owner)).sessionId };
  }
  return s.target(kind, s.actors.coordinator, 'own');
}

/** A second-factor reset of a fresh account of the hub, asked for by another admin of the hub. */
async function hubReset(s: Scenario, requestedById: string) {
  const { db } = context();
  const subject = await makeUser(db, { municipalityId: s.hub.hub.id, role: 'hub_analyst' });
  const reset = await db.secondFactorReset.create({
    data: { municipalityId: s.hub.hub.id, userId: subject.id, requestedById, requestedAt: new Date() },
    select: { id: true },
  });
  return { id: reset.id };
}

/** A fresh open flag of the hub's own chain (the matrix's is of city A). */
async function hubFlag(s: Scenario) {
  const { db } = context();
  const flag = await db.auditFlag.create({
    data: { municipalityId: s.hub.hub.id, kind: 'repeated_denials', dedupeKey: `hub:${randomUUID()}`, detail: { count: 11, limit: 10 } },
    select: { id: true },
  });
  return flag.id;
}

/** Inputs of the allowed rows that must name the hub's records where the matrix's name city A's. */
async function inputFor(s: Scenario, actor: Actor, procedure: string, ids: TargetIds) {
  const colleagueAdmin = async () => (await makeUser(context().db, { municipalityId: s.hub.hub.id, role: 'admin' })).id;
  switch (procedure) {
    case 'users.create':
      return { email: `hub.walk.${randomUUID().slice(0, 8)}@test.jisr.local`, displayName: 'Hub Analyst Synthetic', role: 'hub_analyst' };
    case 'users.confirmFactorReset':
      return hubReset(s, actor.role === 'admin' ? actor.colleague.id : await colleagueAdmin());
    case 'audit.flag':
      return { id: await hubFlag(s) };
    case 'audit.reviewFlag':
      return { id: await hubFlag(s), status: 'reviewed', note: REASON };
    default:
      return CALLS[procedure]!.input(ids, s, actor);
  }
}

matrixWorld();

describe("a hub's users may do what a hub needs and nothing of a city's", () => {
  for (const role of Object.keys(ALLOWED) as HubRole[]) {
    it(`${role} of a hub: every procedure of the app router`, async () => {
      const { s, db, call, nextIp } = context();
      const actor = await hubActor(s, role);
      const allowed = new Set<string>(ALLOWED[role]);
      const found: string[] = [];
      for (const procedure of Object.keys(PROCEDURES).sort()) {
        const how = CALLS[procedure]!;
        const ids = await idsFor(s, actor, procedure);
        const user = how.spare ? actor.spare : actor.user;
        const cookie = how.spare ? (await s.sessionOf(actor.spare)).cookie : actor.cookie;
        const ip = nextIp();
        const res = await call(procedure, await inputFor(s, actor, procedure, ids), cookie, ip);
        const got = outcomeOf(res);
        const expected = allowed.has(procedure) ? 'allowed' : 'FORBIDDEN';
        if (got !== expected) {
          found.push(`${procedure}: expected ${expected}, got ${got}`);
          continue;
        }
        // Each call on the hub's own chain: one refusal, or the call's own allowed event(s).
        const events = await db.auditEvent.findMany({ where: { ip }, select: { actorId: true, municipalityId: true, outcome: true } });
        const onHub = events.every((e) => e.municipalityId === s.hub.hub.id && e.actorId === user.id);
        const shape =
          expected === 'allowed' ? events.some((e) => e.outcome === 'allowed') : events.length === 1 && events[0]!.outcome === 'denied';
        if (!onHub || !shape) found.push(`${procedure}: audited as ${JSON.stringify(events)}`);
      }
      expect(found).toEqual([]);
    }, 240_000);
  }

  it("the hub admin's allowed calls do their work, inside the hub only", async () => {
    const { s, db, call, nextIp } = context();
    const actor = await hubActor(s, 'admin');
    const ok = async (path: string, input: unknown) => dataOf(await call(path, input, actor.cookie, nextIp()));
    // The accounts listed are the hub's; one made is the hub's, in a hub's role.
    const listed: { id: string }[] = await ok('users.list', {});
    const hubUsers = await db.user.findMany({ where: { municipalityId: s.hub.hub.id }, select: { id: true } });
    expect(listed.map((u) => u.id).sort()).toEqual(hubUsers.map((u) => u.id).sort());
    const made = await ok('users.create', {
      email: `hub.made.${randomUUID().slice(0, 8)}@test.jisr.local`,
      displayName: 'Hub Auditor Synthetic',
      role: 'auditor',
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: made.user.id }, select: { municipalityId: true, role: true } })).toEqual({
      municipalityId: s.hub.hub.id,
      role: 'auditor',
    });
    // A city's role is refused with the translated field error; a city's account is out of reach.
    const refused = await call(
      'users.create',
      { email: `hub.sw.${randomUUID().slice(0, 8)}@test.jisr.local`, displayName: 'Case Role Synthetic', role: 'social_worker' },
      actor.cookie,
      nextIp(),
    );
    expect(outcomeOf(refused)).toContain('ROLE_NOT_FOR_KIND');
    expect(
      outcomeOf(await call('users.update', { id: s.A.socialWorker.id, displayName: 'Renamed Synthetic' }, actor.cookie, nextIp())),
    ).toBe('NOT_FOUND');
    expect(outcomeOf(await call('users.sessions', { userId: s.A.admin.id }, actor.cookie, nextIp()))).toBe('NOT_FOUND');
    // The hub's security settings change the hub's row, and only it.
    const cityBefore = await db.municipality.findUniqueOrThrow({
      where: { id: s.A.town.id },
      select: { timeZone: true, secondFactorRoles: true },
    });
    await ok('work.setFlagSettings', { timeZone: 'Africa/Tunis', denialLimit: 25 });
    await ok('work.setFactorRoles', { roles: ['auditor', 'hub_analyst'] });
    expect(
      await db.municipality.findUniqueOrThrow({
        where: { id: s.hub.hub.id },
        select: { timeZone: true, denialLimit: true, secondFactorRoles: true },
      }),
    ).toEqual({
      timeZone: 'Africa/Tunis',
      denialLimit: 25,
      secondFactorRoles: ['auditor', 'hub_analyst'],
    });
    expect(
      await db.municipality.findUniqueOrThrow({ where: { id: s.A.town.id }, select: { timeZone: true, secondFactorRoles: true } }),
    ).toEqual(cityBefore);
    await ok('work.setFactorRoles', { roles: [] });
    // The casework settings stay refused, and unchanged.
    const before = await db.municipality.findUniqueOrThrow({ where: { id: s.hub.hub.id }, select: { reviewIntervalDays: true } });
    expect(outcomeOf(await call('work.updateSettings', { reviewIntervalDays: 30 }, actor.cookie, nextIp()))).toBe('FORBIDDEN');
    expect(await db.municipality.findUniqueOrThrow({ where: { id: s.hub.hub.id }, select: { reviewIntervalDays: true } })).toEqual(before);
  }, 120_000);
});
