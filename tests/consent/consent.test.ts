import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, OPENED_AT, purposeIdOf } from '../helpers/case-factories.js';
import { giverNameAad, scopeAad } from '../../src/modules/consent/fields.js';

const { db } = await testDb();
const DAY = 86_400_000;
const days = (n: number) => new Date(OPENED_AT.getTime() + n * DAY);

/** A valid consent given by a guardian on a signed form, for two purposes, to one agency. */
const consentInput = (caseId: string, agencyId: string, over: Record<string, unknown> = {}) => ({
  caseId,
  givenBy: 'guardian' as const,
  giverName: 'Synthetic Guardian Name',
  relationship: 'mother' as const,
  purposes: ['education', 'support_services'] as ('education' | 'support_services')[],
  anyPartner: false,
  agencyIds: [agencyId],
  method: 'written' as const,
  formReference: 'F-2026-0001',
  givenAt: days(-1),
  scope: 'Synthetic: school support and mentoring only.',
  ...over,
});

const consentsOf = (caseId: string) => db.consent.count({ where: { caseId } });

describe('recording consent', () => {
  it('the key worker and a coordinator record it; the free text is stored encrypted and shown decrypted, default expiry 12 months', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller: kw } = await callerFor(db, town.socialWorker);
    const made = await kw.consent.record(consentInput(c.id, town.agency.id, { expiresAt: undefined }));
    expect(made).toMatchObject({
      status: 'live',
      giverName: 'Synthetic Guardian Name',
      scope: 'Synthetic: school support and mentoring only.',
    });
    expect(made.expiresAt).toEqual(new Date('2027-01-14T09:00:00Z'));
    const row = await db.consent.findUniqueOrThrow({
      where: { id: made.id },
      select: { giverName: true, scope: true, recordedById: true },
    });
    expect(row.giverName).not.toContain('Synthetic');
    expect(row.scope).not.toContain('Synthetic');
    expect(row.recordedById).toBe(town.socialWorker.id);
    const { caller: coord } = await callerFor(db, town.coordinator);
    await expect(
      coord.consent.record(
        consentInput(c.id, town.agency.id, {
          givenBy: 'person',
          giverName: undefined,
          relationship: undefined,
          method: 'verbal',
          formReference: undefined,
        }),
      ),
    ).resolves.toMatchObject({ status: 'live', giverName: null });
    const { items: history, agencies } = await coord.consent.list({ caseId: c.id });
    expect(agencies.map((a) => a.id)).toContain(town.agency.id);
    // The two recorded now and the one carried over from the referral.
    expect(history.map((h) => h.method).sort()).toEqual(['unrecorded', 'verbal', 'written']);
    expect(await auditCount(db, town.socialWorker.id, 'case.consent.record')).toBe(1);
  });

  it('is refused to the other roles, another municipality and crafted ids, and nothing is made', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const c = await makeCase(db, town);
    const before = await consentsOf(c.id);
    for (const [user, code] of [
      [town.practitioner, 'FORBIDDEN'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
      [elsewhere.coordinator, 'NOT_FOUND'],
      [elsewhere.socialWorker, 'NOT_FOUND'],
    ] as const) {
      const { caller } = await callerFor(db, user);
      await expect(caller.consent.record(consentInput(c.id, town.agency.id))).rejects.toMatchObject({ code });
      await expect(caller.consent.list({ caseId: c.id })).rejects.toMatchObject({ code });
    }
    // A social worker who is not the key worker does not reach the case.
    const colleague = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const { caller: other } = await callerFor(db, colleague);
    await expect(other.consent.record(consentInput(c.id, town.agency.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { caller: coord } = await callerFor(db, town.coordinator);
    await expect(coord.consent.record(consentInput(randomUUID(), town.agency.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An agency of another municipality is no recipient.
    const theirs = await makeAgency(db, elsewhere.town.id);
    expect(await failure(coord.consent.record(consentInput(c.id, theirs.id)))).toMatchObject({ fields: { agencyIds: 'NOT_FOUND' } });
    expect(await consentsOf(c.id)).toBe(before);
    expect(await auditCount(db, elsewhere.coordinator.id, 'case.consent.record', 'denied')).toBe(1);
  });

  it('bad input gets field errors and changes nothing', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const before = await consentsOf(c.id);
    const refused = async (over: Record<string, unknown>, fields: Record<string, string>) =>
      expect(await failure(caller.consent.record(consentInput(c.id, town.agency.id, over)))).toMatchObject({ code: 'BAD_INPUT', fields });
    await refused({ giverName: undefined, relationship: undefined }, { giverName: 'required', relationship: 'required' });
    await refused({ formReference: undefined }, { formReference: 'required' });
    await refused({ purposes: [] }, { purposes: 'too_small' });
    await refused({ purposes: ['education', 'espionage'] }, {});
    await refused({ anyPartner: false, agencyIds: [] }, { agencyIds: 'required' });
    await refused({ givenAt: days(1) }, { givenAt: 'in_future' });
    await refused({ expiresAt: days(-1) }, { expiresAt: 'too_small' });
    await refused({ expiresAt: days(800) }, { expiresAt: 'too_big' });
    await refused({ givenBy: 'person' }, { givenBy: 'person_has_no_guardian' });
    expect(await consentsOf(c.id)).toBe(before);
  });

  it('binds each ciphertext to its row: copied to another consent it does not decrypt', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const a = await caller.consent.record(consentInput(c.id, town.agency.id));
    const b = await caller.consent.record(consentInput(c.id, town.agency.id, { scope: 'Synthetic: another scope entirely.' }));
    const rowA = await db.consent.findUniqueOrThrow({ where: { id: a.id }, select: { scope: true, giverName: true } });
    expect(await openStored(db, scopeAad(a.id), rowA.scope!)).toBe('Synthetic: school support and mentoring only.');
    await expect(openStored(db, scopeAad(b.id), rowA.scope!)).rejects.toThrow();
    await expect(openStored(db, giverNameAad(b.id), rowA.giverName!)).rejects.toThrow();
    await expect(openStored(db, giverNameAad(a.id), rowA.scope!)).rejects.toThrow();
    await db.consent.update({ where: { id: b.id }, data: { scope: rowA.scope } });
    await expect(caller.consent.list({ caseId: c.id })).rejects.toBeDefined();
  });
});

describe('withdrawing and renewing consent', () => {
  it('withdrawal ends at once the disclosures on that consent; a renewal gives it again, history kept', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller: kw } = await callerFor(db, town.socialWorker);
    const { caller: coord } = await callerFor(db, town.coordinator);
    const given = await kw.consent.record(consentInput(c.id, town.agency.id));
    const purposeId = await purposeIdOf(db, town.town.id, 'education');
    const disclose = (consentId: string) =>
      coord.cases.disclose({
        caseId: c.id,
        agencyId: town.agency.id,
        purposeId,
        sections: ['plan'],
        legalBasis: 'consent',
        consentId,
        consentPurpose: 'education',
        expiresAt: days(30),
      });
    const d = await disclose(given.id);
    // Another municipality's worker, a practitioner and a crafted consent id are refused; nothing changes.
    const elsewhere = await makeTown(db);
    await expect(
      (await callerFor(db, elsewhere.coordinator)).caller.consent.withdraw({ caseId: c.id, consentId: given.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await callerFor(db, town.practitioner)).caller.consent.withdraw({ caseId: c.id, consentId: given.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(kw.consent.withdraw({ caseId: c.id, consentId: randomUUID() }))).toMatchObject({
      code: 'NOT_FOUND',
      fields: { consentId: 'NOT_FOUND' },
    });
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: d.id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });

    const out = await kw.consent.withdraw({ caseId: c.id, consentId: given.id });
    expect(out).toMatchObject({ consentIds: [given.id], revoked: 1 });
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: d.id }, select: { revokeReason: true } })).toEqual({
      revokeReason: 'consent_withdrawn',
    });
    expect(await failure(disclose(given.id))).toMatchObject({ code: 'NO_CONSENT', fields: { consentId: 'not_live' } });
    expect(await failure(kw.consent.withdraw({ caseId: c.id, consentId: given.id }))).toMatchObject({
      code: 'CONFLICT',
      fields: { consentId: 'ALREADY_WITHDRAWN' },
    });

    // Given again after the withdrawal: a renewal, the old one kept and marked renewed.
    const renewed = await kw.consent.renew({ ...consentInput(c.id, town.agency.id), renewsId: given.id });
    expect(renewed).toMatchObject({ status: 'live', renewsId: given.id });
    await expect(disclose(renewed.id)).resolves.toMatchObject({ legalBasis: 'consent' });
    await expect(kw.consent.renew({ ...consentInput(c.id, town.agency.id), renewsId: given.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // The renewed one is no longer in force: nothing to withdraw there.
    expect(await failure(kw.consent.withdraw({ caseId: c.id, consentId: given.id }))).toMatchObject({
      fields: { consentId: 'ALREADY_WITHDRAWN' },
    });
    const { items: history } = await kw.consent.list({ caseId: c.id });
    expect(history.find((h) => h.id === given.id)).toMatchObject({ status: 'renewed', withdrawnById: town.socialWorker.id });
    expect(history.find((h) => h.id === renewed.id)).toMatchObject({ status: 'live' });
    expect(await auditCount(db, town.socialWorker.id, 'case.consent.renew')).toBe(1);
  });

  it('a renewal that drops a purpose ends the disclosures it no longer covers and keeps the others', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller: coord } = await callerFor(db, town.coordinator);
    const given = await coord.consent.record(consentInput(c.id, town.agency.id));
    const base = {
      caseId: c.id,
      agencyId: town.agency.id,
      // 'other': the consent's own purposes decide (shared/purposes.ts CONSENT_FOR_PURPOSE).
      purposeId: await purposeIdOf(db, town.town.id, 'other'),
      sections: ['plan' as const],
      legalBasis: 'consent' as const,
      consentId: given.id,
      expiresAt: days(30),
    };
    const education = await coord.cases.disclose({ ...base, consentPurpose: 'education' });
    const support = await coord.cases.disclose({ ...base, consentPurpose: 'support_services' });
    const renewed = await coord.consent.renew({ ...consentInput(c.id, town.agency.id, { purposes: ['education'] }), renewsId: given.id });
    expect(renewed).toMatchObject({ moved: 1, ended: 1 });
    const rows = await db.disclosure.findMany({ where: { caseId: c.id }, select: { id: true, consentId: true, revokeReason: true } });
    expect(rows.find((r) => r.id === education.id)).toMatchObject({ consentId: renewed.id, revokeReason: null });
    expect(rows.find((r) => r.id === support.id)).toMatchObject({ consentId: given.id, revokeReason: 'consent_renewed' });
    // The replaced consent is no longer in force: there is nothing to withdraw there, and the answer says so.
    expect(await failure(coord.consent.withdraw({ caseId: c.id, consentId: given.id }))).toMatchObject({
      code: 'CONFLICT',
      fields: { consentId: 'not_live' },
    });
  });
});

describe('a disclosure on consent', () => {
  it('outside the consent purposes, recipients or duration is refused with a reason, and nothing is made', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const other = await makeAgency(db, town.town.id);
    const { caller: coord } = await callerFor(db, town.coordinator);
    const given = await coord.consent.record(consentInput(c.id, town.agency.id, { expiresAt: days(20) }));
    const base = {
      caseId: c.id,
      agencyId: town.agency.id,
      purposeId: await purposeIdOf(db, town.town.id, 'other'),
      sections: ['plan' as const],
      legalBasis: 'consent' as const,
      consentId: given.id,
      consentPurpose: 'education' as const,
      expiresAt: days(10),
    };
    const refused = async (over: Record<string, unknown>, fields: Record<string, string>) =>
      expect(await failure(coord.cases.disclose({ ...base, ...over } as typeof base))).toMatchObject({ code: 'NO_CONSENT', fields });
    await refused({ consentPurpose: 'health' }, { consentPurpose: 'not_covered' });
    await refused({ agencyId: other.id }, { agencyId: 'not_covered' });
    await refused({ expiresAt: days(25) }, { expiresAt: 'after_consent' });
    await refused({ consentId: randomUUID() }, { consentId: 'NOT_FOUND' });
    // Another case's consent does not cover this case.
    const second = await makeCase(db, town);
    await refused({ caseId: second.id }, { consentId: 'NOT_FOUND' });
    expect(await failure(coord.cases.disclose({ ...base, consentId: undefined } as never))).toMatchObject({
      code: 'BAD_INPUT',
      fields: { consentId: 'required' },
    });
    expect(await db.disclosure.count({ where: { caseId: { in: [c.id, second.id] } } })).toBe(0);
  });
});
