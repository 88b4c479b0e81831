import type { Db } from '../../src/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure, OPENED_AT } from '../helpers/case-factories.js';
import { makeAssessment } from '../helpers/assessment-factories.js';
import { makeIntervention, makeTask } from '../helpers/work-factories.js';

/** Words that belong to the look-alike and the household member: none may appear in the person's export. */
export const FOREIGN = {
  lookAlikeSummary: 'Synthetic summary of the other Layla',
  lookAlikeNote: 'Synthetic note about the other Layla',
  memberNote: 'Synthetic note about the brother',
};

/**
 * A person with one of everything (corrected details, a case with notes of both kinds, an assessment,
 * a plan, two disclosures, a guardian's consent, a household member, accesses by a social worker), a
 * look-alike of the same name with a case of their own, and a household member with a case.
 */
export async function personWithEverything(db: Db) {
  const town = await makeTown(db);
  const other = await makeTown(db);
  const c = await makeCase(db, town, {
    person: { nameLatin: 'Layla Synthetic' },
    summary: 'Synthetic summary: attends the youth centre again.',
  });
  const lookAlike = await makeCase(db, town, { person: { nameLatin: 'Layla Synthetic' }, summary: FOREIGN.lookAlikeSummary });
  const member = await makeCase(db, town, { person: { nameLatin: 'Omar Synthetic' } });
  const { caller: coordinator, clock } = await callerFor(db, town.coordinator);

  const person = await coordinator.people.get({ id: c.person.id });
  await coordinator.people.correct({
    id: c.person.id,
    version: person.version,
    nameLatin: 'Layla Synthetique',
    guardianName: 'Guardian Synthetic',
  });
  await coordinator.people.linkHousehold({ personId: c.person.id, memberId: member.person.id, relationship: 'sibling' });
  const standard = await coordinator.cases.addNote({ caseId: c.id, body: 'Synthetic standard note: met at school.' });
  const restricted = await coordinator.cases.addNote({
    caseId: c.id,
    body: 'Synthetic restricted note: a neighbour said something in confidence.',
    sensitivity: 'restricted',
  });
  await coordinator.cases.addNote({ caseId: lookAlike.id, body: FOREIGN.lookAlikeNote });
  await coordinator.cases.addNote({ caseId: member.id, body: FOREIGN.memberNote });
  await makeAssessment(db, c, {
    assessorId: town.coordinator.id,
    assessedAt: OPENED_AT,
    judgement: 'Synthetic judgement: protective factors growing.',
  });
  const intervention = await makeIntervention(db, c, { agencyId: town.agency.id, createdById: town.coordinator.id });
  const task = await makeTask(db, c, { createdById: town.coordinator.id, title: 'Synthetic task: call the family' });
  const live = await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
  const revoked = await makeDisclosure(db, c, {
    agencyId: town.agency.id,
    sections: ['notes'],
    createdById: town.coordinator.id,
    revokedAt: new Date(OPENED_AT.getTime() + 86_400_000),
  });
  await makeDisclosure(db, lookAlike, { agencyId: town.agency.id, sections: ['summary'], createdById: town.coordinator.id });
  // A social worker opens the case: an access the person is told of (by role and agency, never by name).
  const { caller: socialWorker } = await callerFor(db, town.socialWorker);
  await socialWorker.cases.get({ id: c.id });
  const referral = await db.referral.findFirstOrThrow({ where: { id: c.referralId }, select: { id: true } });
  const consent = await db.consent.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true } });
  return {
    town,
    other,
    c,
    lookAlike,
    member,
    coordinator,
    clock,
    ids: {
      standard: standard.id,
      restricted: restricted.id,
      intervention: intervention.id,
      task: task.id,
      live: live.id,
      revoked: revoked.id,
    },
    referral,
    consent,
  };
}
