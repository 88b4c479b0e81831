import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { testKeyring } from '../helpers/callers.js';
import { shredRecordKeys } from '../../src/crypto/record-keys.js';
import { ERASED_TEXT } from '../../src/shared/erased.js';

const { db } = await testDb();

const MINE = 'Synthetic onward words: Layla wants a place at the sport club.';
const DECLINED = 'Synthetic reason: no places left this term.';
const SIGNPOST = 'Synthetic signpost words: Layla asked for counselling.';
const THEIRS = 'Synthetic onward words about the other Layla, not this one.';

describe('subject access: onward referrals (what was sent about the person to another service)', () => {
  it('are in the export with where, when, what was shared and the answer; a look-alike’s are not; erased words stay erased', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameLatin: 'Layla Synthetic' }, stage: 'planning' });
    const lookAlike = await makeCase(db, town, { person: { nameLatin: 'Layla Synthetic' }, stage: 'planning' });
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    const practitioner = (await callerFor(db, town.practitioner)).caller;
    const sent = await coordinator.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: MINE, shareName: true });
    await practitioner.onward.decline({ id: sent.id, reason: DECLINED });
    await coordinator.onward.send({ caseId: lookAlike.id, agencyId: town.agency.id, summary: THEIRS, shareName: true });

    // A referral of the person signposted to the agency: an onward referral of the referral.
    const other = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person: c.person });
    const reason = 'Synthetic reason: the agency fits better.';
    await coordinator.referrals.screen({ id: other.id, decision: 'signpost', agencyId: town.agency.id, summary: SIGNPOST, reason });
    const { id } = await coordinator.subjectAccess.prepare({ personId: c.person.id, language: 'en', requestedBy: 'person' });
    const doc = (await coordinator.subjectAccess.get({ personId: c.person.id, id })).document;
    const onward = doc.cases[0]!.onward;
    expect(onward).toEqual([
      expect.objectContaining({
        id: sent.id,
        to: town.agency.name,
        status: 'declined',
        summary: MINE,
        shared: { name: true, birthYear: false, cohort: false },
        declineReason: DECLINED,
        sentAt: expect.any(Date),
        answeredAt: expect.any(Date),
      }),
    ]);
    expect(doc.referrals.find((r) => r.id === other.id)!.onward).toEqual([
      expect.objectContaining({ to: town.agency.name, status: 'sent', summary: SIGNPOST, declineReason: null }),
    ]);
    expect(JSON.stringify(doc)).not.toContain(THEIRS);

    // The case erased (its key destroyed): the fact stays, the words read as erased.
    await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'case', id: c.id }));
    const again = (await coordinator.subjectAccess.get({ personId: c.person.id, id })).document;
    expect(again.cases[0]!.onward).toEqual([expect.objectContaining({ id: sent.id, summary: ERASED_TEXT, declineReason: ERASED_TEXT })]);
  });
});
