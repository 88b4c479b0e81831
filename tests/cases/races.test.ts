import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, OPENED_AT, purposeIdOf } from '../helpers/case-factories.js';

const { db } = await testDb();

const settle = (calls: Promise<unknown>[]) => Promise.allSettled(calls);

describe('concurrent changes to one case', () => {
  it('move a stage once: the second of two identical moves is refused, and the timeline has one entry', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const [a, b] = [(await callerFor(db, town.coordinator)).caller, (await callerFor(db, town.socialWorker)).caller];
    const move = (caller: typeof a) => caller.cases.changeStage({ id: c.id, stage: 'assessment', reason: 'Intake done' });
    const results = await settle([move(a), move(b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(refused.reason.message);
    expect(await db.caseEvent.count({ where: { caseId: c.id, kind: 'stage' } })).toBe(1);
  });

  it('never leave a consent-based disclosure live after a withdrawal that ran at the same time', async () => {
    const town = await makeTown(db);
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    const { caller: keyWorker } = await callerFor(db, town.socialWorker);
    for (let i = 0; i < 5; i++) {
      const c = await makeCase(db, town);
      const consent = await db.consent.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true } });
      await settle([
        coordinator.cases.disclose({
          caseId: c.id,
          agencyId: town.agency.id,
          purposeId: await purposeIdOf(db, town.town.id, 'education'),
          sections: ['plan'],
          legalBasis: 'consent',
          consentId: consent.id,
          consentPurpose: 'education',
          expiresAt: new Date(OPENED_AT.getTime() + 30 * 86_400_000),
        }),
        keyWorker.consent.withdraw({ caseId: c.id }),
      ]);
      expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { consentWithdrawnAt: true } })).toEqual({
        consentWithdrawnAt: OPENED_AT,
      });
      expect(await db.disclosure.count({ where: { caseId: c.id, legalBasis: 'consent', revokedAt: null } })).toBe(0);
    }
  });
});
