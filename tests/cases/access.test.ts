import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, makeCase, makeDisclosure, OPENED_AT, type Town, purposeIdOf } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

type Caller = Awaited<ReturnType<typeof callerFor>>['caller'];
interface Fixture {
  town: Town;
  caseId: string;
  /** A disclosure to a third agency, for cases.revokeDisclosure to end. */
  spareDisclosureId: string;
  otherAgencyId: string;
  purposeId: string;
}

const HOUR = 3_600_000;
const in30Days = new Date(OPENED_AT.getTime() + 30 * 24 * HOUR);

/**
 * Every cases procedure with valid input, in an order that keeps the case usable for the next
 * (intake → assessment, then close and reopen, consent last). Keys are the audit actions.
 */
const procedures: [string, (c: Caller, f: Fixture) => Promise<unknown>][] = [
  ['case.read', (c, f) => c.cases.get({ id: f.caseId })],
  ['case.note.list', (c, f) => c.cases.notes({ caseId: f.caseId })],
  ['case.note.create', (c, f) => c.cases.addNote({ caseId: f.caseId, body: 'Synthetic note from the access matrix.' })],
  ['case.summary.update', (c, f) => c.cases.updateSummary({ id: f.caseId, version: 1, summary: 'Synthetic summary.' })],
  ['case.stage.change', (c, f) => c.cases.changeStage({ id: f.caseId, stage: 'assessment', reason: 'Intake done' })],
  [
    'case.disclose',
    (c, f) =>
      c.cases.disclose({
        caseId: f.caseId,
        agencyId: f.otherAgencyId,
        purposeId: f.purposeId,
        sections: ['plan'],
        legalBasis: 'public_task',
        expiresAt: in30Days,
      }),
  ],
  ['case.disclosure.revoke', (c, f) => c.cases.revokeDisclosure({ id: f.spareDisclosureId, reason: 'No longer needed' })],
  ['case.assign', (c, f) => c.cases.assign({ id: f.caseId, leadAgencyId: f.otherAgencyId })],
  ['case.close', (c, f) => c.cases.close({ id: f.caseId, closureReason: 'risk_removed', confirm: true })],
  ['case.reopen', (c, f) => c.cases.reopen({ id: f.caseId, reason: 'Concern came back' })],
  ['case.consent.withdraw', (c, f) => c.consent.withdraw({ caseId: f.caseId })],
];

type Outcome = 'ok' | 'NOT_FOUND' | 'FORBIDDEN';
const TEAM_ONLY = ['case.disclose', 'case.disclosure.revoke', 'case.assign', 'case.close', 'case.reopen'];
const KEY_WORKER = ['case.summary.update', 'case.stage.change', 'case.consent.withdraw'];

/** What each kind of actor gets, per DESIGN.md's "who may do what". */
function expected(actor: string, action: string): Outcome {
  switch (actor) {
    case 'coordinator':
      return 'ok';
    case 'key worker':
      return TEAM_ONLY.includes(action) ? 'FORBIDDEN' : 'ok';
    case 'social worker on the team':
      return TEAM_ONLY.includes(action) ? 'FORBIDDEN' : KEY_WORKER.includes(action) ? 'NOT_FOUND' : 'ok';
    case 'practitioner with a disclosure':
      return TEAM_ONLY.includes(action) || KEY_WORKER.includes(action) ? 'FORBIDDEN' : 'ok';
    case 'unrelated social worker':
      return TEAM_ONLY.includes(action) ? 'FORBIDDEN' : 'NOT_FOUND';
    case 'coordinator of another municipality':
      return 'NOT_FOUND';
    case 'auditor':
    case 'admin':
      return 'FORBIDDEN';
    default: // practitioners of another agency, or with an expired or revoked disclosure
      return TEAM_ONLY.includes(action) || KEY_WORKER.includes(action) ? 'FORBIDDEN' : 'NOT_FOUND';
  }
}

/** Builds the town, the case and its team, and returns the actor for `name`. */
async function setUp(name: string) {
  const town = await makeTown(db);
  const m = town.town.id;
  const c = await makeCase(db, town, { summary: 'Synthetic summary at opening.' });
  const other = await makeAgency(db, m);
  const third = await makeAgency(db, m);
  const disclose = (data: Parameters<typeof makeDisclosure>[2]) => makeDisclosure(db, c, data);
  const spare = await disclose({ agencyId: third.id, createdById: town.coordinator.id });
  await disclose({ agencyId: town.agency.id, createdById: town.coordinator.id });
  const teamSw = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  await disclose({ userId: teamSw.id, createdById: town.coordinator.id });
  const ap = (agencyId: string) => makeUser(db, { municipalityId: m, role: 'agency_practitioner', agencyId });
  const expiring = await ap(other.id);
  await disclose({ userId: expiring.id, expiresAt: new Date(OPENED_AT.getTime() + HOUR), createdById: town.coordinator.id });
  const revoked = await ap(other.id);
  await disclose({ userId: revoked.id, revokedAt: OPENED_AT, createdById: town.coordinator.id });
  const actors: Record<string, { id: string; municipalityId: string }> = {
    coordinator: town.coordinator,
    'key worker': town.socialWorker,
    'social worker on the team': teamSw,
    'practitioner with a disclosure': town.practitioner,
    'unrelated social worker': await makeUser(db, { municipalityId: m, role: 'social_worker' }),
    'practitioner of another agency': await ap(other.id),
    'practitioner whose disclosure expired': expiring,
    'practitioner whose disclosure was revoked': revoked,
    'coordinator of another municipality': (await makeTown(db)).coordinator,
    auditor: town.auditor,
    admin: town.admin,
  };
  const purposeId = await purposeIdOf(db, m, 'education');
  const fixture: Fixture = { town, caseId: c.id, spareDisclosureId: spare.id, otherAgencyId: other.id, purposeId };
  return { fixture, actor: actors[name]!, reference: c.reference };
}

const ACTORS = [
  'coordinator',
  'key worker',
  'social worker on the team',
  'practitioner with a disclosure',
  'unrelated social worker',
  'practitioner of another agency',
  'practitioner whose disclosure expired',
  'practitioner whose disclosure was revoked',
  'coordinator of another municipality',
  'auditor',
  'admin',
];

describe('who may call each cases procedure', () => {
  for (const name of ACTORS) {
    it(`${name}: allowed exactly where DESIGN.md says; every refusal NOT_FOUND or FORBIDDEN and audited as denied`, async () => {
      const { fixture, actor, reference } = await setUp(name);
      const clock = manualClock();
      // The expired practitioner's disclosure ran for an hour: move past it before signing in.
      if (name.includes('expired')) clock.advance(2 * HOUR);
      const { caller } = await callerFor(db, actor, { clock });

      const listed = caller.cases.list({});
      if (name === 'auditor' || name === 'admin') {
        await expect(listed).rejects.toMatchObject({ code: 'FORBIDDEN' });
        expect(await auditCount(db, actor.id, 'case.list', 'denied')).toBe(1);
      } else {
        const seen = (await listed).items.map((i) => i.reference);
        expect(seen.includes(reference), `${name} lists the case`).toBe(expected(name, 'case.read') === 'ok');
        expect(await auditCount(db, actor.id, 'case.list')).toBe(1);
      }

      for (const [action, call] of procedures) {
        const want = expected(name, action);
        if (want === 'ok') {
          await expect(call(caller, fixture), `${name} ${action}`).resolves.toBeDefined();
          expect(await auditCount(db, actor.id, action), `${name} ${action} audited`).toBeGreaterThanOrEqual(1);
        } else {
          await expect(call(caller, fixture), `${name} ${action}`).rejects.toMatchObject({ code: want });
          expect(await auditCount(db, actor.id, action, 'denied'), `${name} ${action} denial audited`).toBe(1);
        }
      }
    });
  }
});
