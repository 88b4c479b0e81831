import { afterAll, describe, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown } from '../helpers/factories.js';
import { ORIGIN } from '../helpers/http.js';
import { buildApp } from '../../src/app.js';
import { callerFor, testConfig, testKeyring } from '../helpers/callers.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { createSession } from '../../src/auth/session.js';
import { manualClock } from '../../src/lib/clock.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { fuzzCursors, fuzzProcedure, hasCursor, installWriteLog, report, type FuzzWorld, type Procedure, type Tally } from './harness.js';

/**
 * This file's app and municipality with one of everything (a case with a disclosure and an
 * intervention, a pending referral, two people, a panel meeting on the case, a spare session), so valid-looking inputs reach
 * real rows and the service code behind the schema.
 */
export async function fuzzWorld(): Promise<FuzzWorld> {
  const { db, owner } = await testDb();
  // The app's clock is today's, so dates the schemas check against the real date agree with it.
  const clock = manualClock(new Date());
  // As makeTestApp builds it, with the server's own account of any 5xx kept for the failure message.
  const serverErrors: string[] = [];
  const app = await buildApp({
    db,
    clock,
    config: testConfig(),
    keyring: testKeyring,
    publicOrigin: ORIGIN,
    loginPerMinute: 10_000,
    logger: { level: 'error', stream: { write: (line: string) => void serverErrors.push(line) } },
  });
  afterAll(() => app.close());
  const town = await makeTown(db);
  const otherAgency = await makeAgency(db, town.town.id);
  const c = await makeCase(db, town);
  const disclosure = await makeDisclosure(db, c, {
    agencyId: town.agency.id,
    createdById: town.coordinator.id,
    expiresAt: new Date(clock().getTime() + 30 * 86_400_000),
  });
  const { caller } = await callerFor(db, town.coordinator, { clock });
  const intervention = await caller.cases.addIntervention({
    caseId: c.id,
    type: 'mentoring',
    title: 'Synthetic mentoring',
    agencyId: town.agency.id,
  });
  const referral = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker });
  const [person, member] = [c.person, await makePerson(db, town.town.id, { nameLatin: 'Nadia Synthetic', birthYear: 1990 })];
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], userIds: [town.socialWorker.id] });
  const spare = await createSession(db, clock(), testConfig().session, town.coordinator, { ip: null, userAgent: 'spare' });
  await installWriteLog(owner);

  const byField: Record<string, string> = {
    caseId: c.id,
    // An adult, so a referral about them needs no guardian's consent.
    personId: member.id,
    memberId: person.id,
    agencyId: town.agency.id,
    leadAgencyId: town.agency.id,
    keyWorkerId: town.socialWorker.id,
    assigneeId: town.practitioner.id,
    userId: town.socialWorker.id,
    actorId: town.socialWorker.id,
    referralId: referral.id,
    disclosureId: disclosure.id,
    interventionId: intervention.id,
    meetingId: meeting.id,
    agendaItemId: meeting.agenda[0]!.id,
    inviteeId: meeting.invitees[0]!.id,
    caseIds: c.id,
    agencyIds: town.agency.id,
    userIds: town.socialWorker.id,
  };
  const idOf: Record<string, string> = {
    agencies: otherAgency.id,
    users: town.socialWorker.id,
    auth: spare.sessionId,
    people: person.id,
    referrals: referral.id,
    cases: c.id,
    meetings: meeting.id,
    'cases.revokeDisclosure': disclosure.id,
    'cases.updateIntervention': intervention.id,
  };
  const users: Record<string, { id: string; municipalityId: string }> = {
    admin: town.admin,
    coordinator: town.coordinator,
    social_worker: town.socialWorker,
    agency_practitioner: town.practitioner,
    auditor: town.auditor,
  };
  return {
    app,
    clock,
    db,
    serverErrors,
    userOf: (role: Role) => users[role]!,
    idsFor: (path) => (field) => (field === 'id' ? (idOf[path] ?? idOf[path.split('.')[0]!]) : byField[field]),
  };
}

/** One `it` per procedure (two for a procedure with a cursor), and the figures printed at the end of the file. */
export async function fuzzFile(title: string, procedures: Procedure[]) {
  const world = await fuzzWorld();
  const tallies = new Map<string, Tally>();
  afterAll(() => report(title, tallies));
  describe(`bad input: ${title}`, () => {
    for (const proc of procedures) {
      it(`${proc.path} answers adversarial input with a translated 4xx and changes nothing`, async () => {
        const tally: Tally = { runs: 0, accepted: 0, refused: {} };
        tallies.set(proc.path, tally);
        await fuzzProcedure(world, proc, tally);
      });
      if (!hasCursor(proc)) continue;
      it(`${proc.path} refuses crafted cursors with BAD_INPUT and changes nothing`, async () => {
        const tally: Tally = { runs: 0, accepted: 0, refused: {} };
        tallies.set(`${proc.path} cursor`, tally);
        await fuzzCursors(world, proc, tally);
      });
    }
  });
}
