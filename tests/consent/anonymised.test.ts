import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase, OPENED_AT } from '../helpers/case-factories.js';
import { anonymiseCases } from '../../src/modules/retention/anonymise.js';

const { db } = await testDb();

describe('consent on a case retention anonymised', () => {
  it('is neither recorded, renewed nor withdrawn (CASE_ANONYMISED), and nothing is written', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const earlier = await db.consent.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true } });
    await db.$transaction((tx) => anonymiseCases(tx, town.town.id, [c.id], 'case_closed', new Date('2029-03-01T06:00:00Z')));
    // Given by the person, with no free words: nothing to seal, so only the guard stops it.
    const input = {
      caseId: c.id,
      givenBy: 'person' as const,
      purposes: ['education' as const],
      anyPartner: true,
      agencyIds: [],
      method: 'verbal' as const,
      givenAt: new Date(OPENED_AT.getTime() - 86_400_000),
    };
    const before = {
      consents: await db.consent.count({ where: { caseId: c.id } }),
      events: await db.caseEvent.count({ where: { caseId: c.id } }),
    };
    expect(await failure(caller.consent.record(input))).toMatchObject({ code: 'CASE_ANONYMISED' });
    expect(await failure(caller.consent.renew({ ...input, renewsId: earlier.id }))).toMatchObject({ code: 'CASE_ANONYMISED' });
    expect(await failure(caller.consent.withdraw({ caseId: c.id }))).toMatchObject({ code: 'CASE_ANONYMISED' });
    expect({
      consents: await db.consent.count({ where: { caseId: c.id } }),
      events: await db.caseEvent.count({ where: { caseId: c.id } }),
    }).toEqual(before);
    expect(await db.consent.findUniqueOrThrow({ where: { id: earlier.id }, select: { renewedAt: true, withdrawnAt: true } })).toEqual({
      renewedAt: null,
      withdrawnAt: null,
    });
  });
});

describe('other writes on a case retention anonymised', () => {
  it('a disclosure without free words is refused (CASE_ANONYMISED), and nothing is written', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { summary: 'Synthetic summary.' });
    const { caller, clock } = await callerFor(db, town.coordinator);
    await db.$transaction((tx) => anonymiseCases(tx, town.town.id, [c.id], 'case_closed', new Date('2029-03-01T06:00:00Z')));
    const purposeId = (await db.disclosurePurpose.findFirstOrThrow({ where: { municipalityId: town.town.id }, select: { id: true } })).id;
    const before = await db.disclosure.count({ where: { caseId: c.id } });
    const disclose = {
      caseId: c.id,
      agencyId: town.agency.id,
      purposeId,
      sections: ['plan' as const],
      legalBasis: 'public_task' as const,
      expiresAt: new Date(clock().getTime() + 30 * 86_400_000),
    };
    expect(await failure(caller.cases.disclose(disclose))).toMatchObject({ code: 'CASE_ANONYMISED' });
    expect(await db.disclosure.count({ where: { caseId: c.id } })).toBe(before);
    expect(await db.caseEvent.count({ where: { caseId: c.id, kind: 'disclose' } })).toBe(0);
  });
});
