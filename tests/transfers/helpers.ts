import type { Db } from '../../src/db.js';
import { makeCase, OPENED_AT, type Town } from '../helpers/case-factories.js';
import { makeTown } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { callerFor } from '../helpers/callers.js';

/** Synthetic words of the sending city's case. */
export const WORDS = {
  summary: 'Synthetic summary: the family moved after the father found work; the son attends the youth club.',
  standardNote: 'Synthetic standard note: met the mother, agreed a weekly call.',
  restrictedNote: 'Synthetic restricted note: what the uncle told in confidence.',
  intervention: 'Synthetic mentoring with the youth club',
  justification: 'Synthetic justification: the municipal social services law obliges the file to follow the family.',
  decline: 'Synthetic reason: the family has not registered here yet, please ask again next month.',
};

/**
 * Two cities of one hub (A sends, B receives), a third city C outside it, and a case of A with a summary,
 * a standard and a restricted note, an intervention and a consent of the person covering the transfer.
 */
export async function transferScene(db: Db, opts: { person?: { nameLatin?: string } } = {}) {
  const [A, B, C] = await Promise.all([makeTown(db), makeTown(db), makeTown(db)]);
  const { hub } = await makeHub(db, [{ id: A.town.id }, { id: B.town.id }]);
  const c = await makeCase(db, A, {
    keyWorkerId: A.socialWorker.id,
    stage: 'planning',
    summary: WORDS.summary,
    person: { nameLatin: opts.person?.nameLatin ?? 'Karim Synthetic Haddad' },
  });
  const a = (await callerFor(db, A.coordinator)).caller;
  await a.cases.addNote({ caseId: c.id, body: WORDS.standardNote, sensitivity: 'standard' });
  await a.cases.addNote({ caseId: c.id, body: WORDS.restrictedNote, sensitivity: 'restricted' });
  await a.cases.addIntervention({ caseId: c.id, type: 'mentoring', title: WORDS.intervention, agencyId: A.agency.id });
  const consent = await a.consent.record({
    caseId: c.id,
    givenBy: 'person',
    purposes: ['transfer'],
    anyPartner: true,
    method: 'verbal',
    givenAt: OPENED_AT,
  });
  const b = (await callerFor(db, B.coordinator)).caller;
  return { A, B, C, hub, c, a, b, consentId: (consent as { id: string }).id };
}

export type Scene = Awaited<ReturnType<typeof transferScene>>;

/** A's coordinator proposes the case to B under the person's recorded consent, with these sections. */
export const proposeWithConsent = (s: Scene, sections: Parameters<Scene['a']['transfers']['propose']>[0]['sections']) =>
  s.a.transfers.propose({ caseId: s.c.id, receivingMunicipalityId: s.B.town.id, sections, legalBasis: 'consent', consentId: s.consentId });

/** A person of the receiving city with the same name (for the match). */
export const samePersonIn = (db: Db, town: Town, nameLatin = 'Karim Synthetic Haddad') => makePerson(db, town.town.id, { nameLatin });
