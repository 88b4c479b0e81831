import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure, OPENED_AT, purposeIdOf } from '../helpers/case-factories.js';
import { purposeWordsAad } from '../../src/modules/cases/purpose-bans.js';
import { recordKeysOf } from '../../src/crypto/envelope.js';
import type { CaseSection, LegalBasis, PurposeCode } from '../../src/shared/vocabulary.js';

const { db } = await testDb();

const DAY = 86_400_000;
const inDays = (n: number) => new Date(OPENED_AT.getTime() + n * DAY);

/** A town with a police-liaison agency and one of its practitioners, and a case with a live consent to any partner. */
async function policeTown() {
  const town = await makeTown(db);
  const police = await makeAgency(db, town.town.id, { kind: 'police_liaison', name: `Police liaison ${town.town.id.slice(0, 6)}` });
  const officer = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: police.id });
  const c = await makeCase(db, town);
  const { caller } = await callerFor(db, town.coordinator);
  const consent = await db.consent.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true } });
  const purpose = (code: PurposeCode) => purposeIdOf(db, town.town.id, code);
  const disclose = async (to: { agencyId: string } | { userId: string }, code: PurposeCode, over: Record<string, unknown> = {}) => {
    const input = {
      caseId: c.id,
      ...to,
      purposeId: await purpose(code),
      sections: ['summary'] as CaseSection[],
      legalBasis: 'legal_obligation' as LegalBasis,
      expiresAt: inDays(20),
      ...over,
    };
    const call = caller.cases.disclose(input);
    // The call starts here and may be refused before `refused` awaits it: mark it handled (it still rejects for `failure`).
    call.catch(() => undefined);
    return { input, call };
  };
  return { town, police, officer, c, consent, caller, disclose };
}

/** Refused with `code` and `fields`; no disclosure written; returns the error. */
async function refused(
  t: { c: { id: string } },
  made: Promise<{ input: unknown; call: Promise<unknown> }>,
  code: string,
  fields: Record<string, string>,
) {
  const before = await db.disclosure.count({ where: { caseId: t.c.id } });
  const { input, call } = await made;
  const error = await failure(call, input);
  expect(error).toMatchObject({ code, fields });
  expect(await db.disclosure.count({ where: { caseId: t.c.id } })).toBe(before);
  return error;
}

describe('nothing disclosed for prevention goes to a police liaison for a criminal investigation', () => {
  it('refuses the sections shared for prevention, says which rule, audits the refusal and writes nothing', async () => {
    const t = await policeTown();
    await (await t.disclose({ agencyId: t.town.agency.id }, 'prevention', { sections: ['summary', 'notes'] })).call;
    await refused(t, t.disclose({ agencyId: t.police.id }, 'criminal_investigation', { sections: ['plan', 'notes'] }), 'PURPOSE_BANNED', {
      purposeId: 'prevention_to_investigation',
    });
    // To an officer of the police liaison by name: the same rule.
    await refused(t, t.disclose({ userId: t.officer.id }, 'criminal_investigation'), 'PURPOSE_BANNED', {
      purposeId: 'prevention_to_investigation',
    });
    expect(await auditCount(db, t.town.coordinator.id, 'case.disclose', 'denied')).toBe(2);
    const denial = await db.auditEvent.findFirstOrThrow({
      where: { actorId: t.town.coordinator.id, action: 'case.disclose', outcome: 'denied' },
      select: { entityType: true, entityId: true, detail: true },
    });
    expect(denial).toMatchObject({ entityType: 'Case', entityId: t.c.id, detail: { code: 'PURPOSE_BANNED' } });
  });

  it('counts a prevention disclosure that was revoked or has expired: what was shared stays shared', async () => {
    const t = await policeTown();
    await makeDisclosure(db, t.c, {
      agencyId: t.town.agency.id,
      sections: ['plan'],
      purposeCode: 'prevention',
      revokedAt: OPENED_AT,
      createdById: t.town.coordinator.id,
    });
    await refused(t, t.disclose({ agencyId: t.police.id }, 'criminal_investigation', { sections: ['plan'] }), 'PURPOSE_BANNED', {
      purposeId: 'prevention_to_investigation',
    });
  });

  it('allows a section never shared for prevention, and other purposes to the police liaison on a legal basis', async () => {
    const t = await policeTown();
    await (await t.disclose({ agencyId: t.town.agency.id }, 'prevention', { sections: ['summary'] })).call;
    await expect(
      (await t.disclose({ agencyId: t.police.id }, 'criminal_investigation', { sections: ['plan'] })).call,
    ).resolves.toMatchObject({
      legalBasis: 'legal_obligation',
      sections: ['plan'],
    });
    await expect(
      (await t.disclose({ agencyId: t.police.id }, 'safeguarding', { sections: ['summary'], legalBasis: 'vital_interest' })).call,
    ).resolves.toBeDefined();
    // Criminal investigation to an agency that is not a police liaison: the ban is about the police.
    await expect((await t.disclose({ agencyId: t.town.agency.id }, 'criminal_investigation')).call).resolves.toBeDefined();
  });
});

describe('a police liaison', () => {
  it('never receives a disclosure on consent, whatever the purpose', async () => {
    const t = await policeTown();
    for (const code of ['prevention', 'health'] as const) {
      await refused(
        t,
        t.disclose({ agencyId: t.police.id }, code, { legalBasis: 'consent', consentId: t.consent.id, consentPurpose: 'support_services' }),
        'PURPOSE_BANNED',
        { legalBasis: 'police_needs_legal_basis' },
      );
    }
    // The same consent still serves a partner agency.
    await expect(
      (
        await t.disclose({ agencyId: t.town.agency.id }, 'prevention', {
          legalBasis: 'consent',
          consentId: t.consent.id,
          consentPurpose: 'support_services',
        })
      ).call,
    ).resolves.toMatchObject({ consentId: t.consent.id });
  });

  it('may not be the key worker (who reads restricted notes), and its practitioners never read restricted notes', async () => {
    const t = await policeTown();
    const policeWorker = await makeUser(db, { municipalityId: t.town.town.id, role: 'social_worker', agencyId: t.police.id });
    const before = await db.case.findUniqueOrThrow({ where: { id: t.c.id }, select: { keyWorkerId: true } });
    expect(await failure(t.caller.cases.assign({ id: t.c.id, keyWorkerId: policeWorker.id }))).toMatchObject({
      code: 'PURPOSE_BANNED',
      fields: { keyWorkerId: 'police_restricted_notes' },
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: t.c.id }, select: { keyWorkerId: true } })).toEqual(before);
    // Notes disclosed to the police liaison on a legal obligation: the standard note only.
    const kw = (await callerFor(db, t.town.socialWorker)).caller;
    await kw.cases.addNote({ caseId: t.c.id, body: 'Synthetic standard note for the liaison.' });
    await kw.cases.addNote({ caseId: t.c.id, body: 'Synthetic restricted note, never for the police.', sensitivity: 'restricted' });
    await (await t.disclose({ agencyId: t.police.id }, 'safeguarding', { sections: ['notes'] })).call;
    const officer = (await callerFor(db, t.officer)).caller;
    const notes = await officer.cases.notes({ caseId: t.c.id });
    expect(notes.items.map((n) => [n.sensitivity, n.body])).toEqual([['standard', 'Synthetic standard note for the liaison.']]);
    expect((await officer.cases.get({ id: t.c.id })).notes?.items.map((n) => n.sensitivity)).toEqual(['standard']);
  });
});

describe('a handover to an officer of a police liaison', () => {
  it('is refused whole when it would make them key worker, and nothing moves', async () => {
    const t = await policeTown();
    const policeWorker = await makeUser(db, { municipalityId: t.town.town.id, role: 'social_worker', agencyId: t.police.id });
    expect(await failure(t.caller.users.handover({ userId: t.town.socialWorker.id, toUserId: policeWorker.id }))).toMatchObject({
      code: 'PURPOSE_BANNED',
      fields: { keyWorkerId: 'police_restricted_notes' },
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: t.c.id }, select: { keyWorkerId: true } })).toEqual({
      keyWorkerId: t.town.socialWorker.id,
    });
  });
});

describe('the purpose and the consent agree', () => {
  it('refuses a consent purpose that cannot serve the listed purpose, and criminal investigation on consent', async () => {
    const t = await policeTown();
    const onConsent = { legalBasis: 'consent', consentId: t.consent.id };
    await refused(t, t.disclose({ agencyId: t.town.agency.id }, 'education', { ...onConsent, consentPurpose: 'health' }), 'NO_CONSENT', {
      consentPurpose: 'not_for_purpose',
    });
    await refused(
      t,
      t.disclose({ agencyId: t.town.agency.id }, 'criminal_investigation', { ...onConsent, consentPurpose: 'support_services' }),
      'PURPOSE_BANNED',
      { legalBasis: 'consent_not_for_purpose' },
    );
    await expect(
      (await t.disclose({ agencyId: t.town.agency.id }, 'education', { ...onConsent, consentPurpose: 'education' })).call,
    ).resolves.toBeDefined();
  });
});

describe('the purpose chosen', () => {
  it('must be on this municipality’s list and not retired', async () => {
    const t = await policeTown();
    const elsewhere = await makeTown(db);
    const foreign = await purposeIdOf(db, elsewhere.town.id, 'education');
    await refused(t, t.disclose({ agencyId: t.town.agency.id }, 'education', { purposeId: foreign }), 'NOT_FOUND', {
      purposeId: 'NOT_FOUND',
    });
    const admin = (await callerFor(db, t.town.admin)).caller;
    const retired = await admin.purposes.create({
      code: 'education',
      labelAr: 'دعم مدرسي',
      labelFr: 'Soutien scolaire',
      labelEn: 'School support',
    });
    await admin.purposes.update({ id: retired.id, retired: true });
    await refused(t, t.disclose({ agencyId: t.town.agency.id }, 'education', { purposeId: retired.id }), 'BAD_INPUT', {
      purposeId: 'retired',
    });
    await admin.purposes.update({ id: retired.id, retired: false });
    await expect((await t.disclose({ agencyId: t.town.agency.id }, 'education', { purposeId: retired.id })).call).resolves.toBeDefined();
  });

  it('is recorded by code on the timeline and in the audit log; its free words are encrypted and bound to the row', async () => {
    const t = await policeTown();
    const words = 'Synthetic words: mentoring on Tuesdays';
    const { call } = await t.disclose({ agencyId: t.town.agency.id }, 'support_services', { purposeWords: words });
    const d = (await call) as { id: string; purpose: string | null };
    expect(d.purpose).toBe(words);
    const row = await db.disclosure.findUniqueOrThrow({ where: { id: d.id }, select: { purpose: true } });
    expect(row.purpose).not.toContain('mentoring');
    // Under the case's own key (erased with it), bound to the row: copied into another row, it does not open.
    const keys = recordKeysOf({ keyring: testKeyring });
    expect(row.purpose).toMatch(/^k1\./);
    expect(await keys.open(db, purposeWordsAad(d.id), row.purpose!)).toBe(words);
    await expect(keys.open(db, purposeWordsAad(t.c.id), row.purpose!)).rejects.toThrow();
    const page = await t.caller.cases.get({ id: t.c.id });
    expect(page.team![0]).toMatchObject({ purpose: words, listedPurpose: { code: 'support_services', labelEn: 'Support services' } });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: t.town.coordinator.id, action: 'case.disclose', outcome: 'allowed' },
      select: { purpose: true, detail: true },
    });
    expect(event.purpose).toBe('support_services');
    expect(JSON.stringify(event.detail)).not.toContain('mentoring');
    expect(JSON.stringify(page.timeline)).not.toContain('mentoring');
  });

  it('of a disclosure made before the list stays readable: the “other” purpose with its words', async () => {
    const t = await policeTown();
    const other = await purposeIdOf(db, t.town.town.id, 'other');
    await db.disclosure.create({
      data: {
        caseId: t.c.id,
        municipalityId: t.town.town.id,
        agencyId: t.town.agency.id,
        purposeId: other,
        purpose: 'Synthetic words from before the list',
        sections: ['plan'],
        legalBasis: 'public_task',
        expiresAt: inDays(10),
        createdAt: OPENED_AT,
        createdById: t.town.coordinator.id,
      },
      select: { id: true },
    });
    const page = await t.caller.cases.get({ id: t.c.id });
    expect(page.team![0]).toMatchObject({ purpose: 'Synthetic words from before the list', listedPurpose: { code: 'other' } });
  });
});
