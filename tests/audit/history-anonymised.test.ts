import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';

const { db } = await testDb();

describe('the access history of an anonymised record', () => {
  it('says when the case, the person and the referral were anonymised, and still lists who accessed them', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { summary: 'Synthetic summary.' });
    const kept = await makeCase(db, town);
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const auditor = (await callerFor(db, town.auditor)).caller;
    await (await callerFor(db, town.socialWorker)).caller.cases.get({ id: c.id });
    // As retention leaves them: the rows stay, marked anonymised (the job itself is tested in tests/retention).
    const at = new Date('2026-11-01T00:00:00Z');
    await db.case.update({ where: { id: c.id }, data: { anonymisedAt: at, anonymisedRule: 'case_closed' } });
    await db.referral.update({ where: { id: c.referralId }, data: { anonymisedAt: at, anonymisedRule: 'case_closed' } });
    await db.person.update({ where: { id: c.person.id }, data: { anonymisedAt: at } });

    for (const reader of [coordinator, auditor]) {
      const history = await reader.audit.caseHistory({ id: c.id });
      expect(history.record).toEqual({ type: 'Case', id: c.id, reference: c.reference, anonymisedAt: at });
      expect(history.items.map((e) => [e.action, e.actor?.role])).toContainEqual(['case.read', 'social_worker']);
      // The page names the record by reference or id only: nothing of the person.
      expect(JSON.stringify(history)).not.toContain('Synthetic');
      expect((await reader.audit.personHistory({ id: c.person.id })).record).toMatchObject({ anonymisedAt: at, reference: null });
      expect((await reader.audit.referralHistory({ id: c.referralId })).record).toMatchObject({ anonymisedAt: at });
      expect((await reader.audit.caseHistory({ reference: kept.reference })).record.anonymisedAt).toBeNull();
    }
  });
});
