import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure, purposeIdOf, OPENED_AT } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

const DAY = 86_400_000;
const days = (n: number) => new Date(OPENED_AT.getTime() + n * DAY);
const NOTE_STANDARD = 'Synthetic standard note: attended the youth centre twice.';
const NOTE_RESTRICTED = 'Synthetic restricted note: family situation discussed in confidence.';

/** A case with a standard and a restricted note written by its key worker. */
async function caseWithNotes() {
  const town = await makeTown(db);
  const c = await makeCase(db, town, { summary: 'Synthetic summary: engaged, attends school.' });
  const clock = manualClock();
  const kw = (await callerFor(db, town.socialWorker, { clock })).caller;
  await kw.cases.addNote({ caseId: c.id, body: NOTE_STANDARD });
  clock.advance(60_000);
  await kw.cases.addNote({ caseId: c.id, body: NOTE_RESTRICTED, sensitivity: 'restricted' });
  return { town, c };
}

describe('a practitioner with a disclosure of {summary, plan}', () => {
  it('reads the summary but no note through any procedure', async () => {
    const { town, c } = await caseWithNotes();
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
    const { caller } = await callerFor(db, town.practitioner);

    const page = await caller.cases.get({ id: c.id });
    expect(page.sections).toEqual(['summary', 'plan', 'timeline']);
    expect(page.summary?.text).toBe('Synthetic summary: engaged, attends school.');
    expect(page.notes).toBeNull();
    expect(page.team).toBeNull();
    expect(page.timeline.map((e) => e.kind)).toEqual(['opened']);
    const everything = JSON.stringify(page);
    expect(everything).not.toContain('Synthetic standard note');
    expect(everything).not.toContain('Synthetic restricted note');

    await expect(caller.cases.notes({ caseId: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.cases.addNote({ caseId: c.id, body: 'Trying to write' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const listed = await caller.cases.list({});
    expect(listed.items).toEqual([expect.objectContaining({ id: c.id, summaryVisible: true })]);
    expect(JSON.stringify(listed)).not.toContain('note');
    expect(await auditCount(db, town.practitioner.id, 'case.note.list', 'denied')).toBe(1);
    expect(await auditCount(db, town.practitioner.id, 'case.note.create', 'denied')).toBe(1);
    const read = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.practitioner.id, action: 'case.read' },
      select: { detail: true, entityId: true },
    });
    // What the read showed: the sections, and (for the access history) the person and the referral behind the summary.
    const behind = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { personId: true, referralId: true } });
    expect(read).toEqual({
      entityId: c.id,
      detail: { sections: ['summary', 'plan', 'timeline'], touched: { Person: [behind.personId], Referral: [behind.referralId] } },
    });
  });
});

describe('restricted notes', () => {
  it('reach the coordinator and the key worker, never a social worker or practitioner on the team', async () => {
    const { town, c } = await caseWithNotes();
    const teamSw = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    await makeDisclosure(db, c, { userId: teamSw.id, sections: ['notes'], createdById: town.coordinator.id });
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['notes'], createdById: town.coordinator.id });

    for (const user of [town.coordinator, town.socialWorker]) {
      const { caller } = await callerFor(db, user);
      const page = await caller.cases.get({ id: c.id });
      expect(page.notes!.items.map((n) => n.body)).toEqual([NOTE_RESTRICTED, NOTE_STANDARD]);
      expect(page.timeline.filter((e) => e.kind === 'note')).toHaveLength(2);
    }
    for (const user of [teamSw, town.practitioner]) {
      const { caller } = await callerFor(db, user);
      const page = await caller.cases.get({ id: c.id });
      expect(page.sections).toEqual(['notes', 'timeline']);
      expect(page.notes!.items.map((n) => [n.body, n.sensitivity])).toEqual([[NOTE_STANDARD, 'standard']]);
      expect(page.timeline.filter((e) => e.kind === 'note').map((e) => e.data.sensitivity)).toEqual(['standard']);
      expect(JSON.stringify(page)).not.toContain('restricted note');
      expect((await caller.cases.notes({ caseId: c.id })).items.map((n) => n.body)).toEqual([NOTE_STANDARD]);
    }
    // They may write standard notes, not restricted ones.
    for (const user of [teamSw, town.practitioner]) {
      const { caller } = await callerFor(db, user);
      await expect(caller.cases.addNote({ caseId: c.id, body: 'Team note' })).resolves.toMatchObject({ sensitivity: 'standard' });
      await expect(caller.cases.addNote({ caseId: c.id, body: 'Secret', sensitivity: 'restricted' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await auditCount(db, user.id, 'case.note.create', 'denied')).toBe(1);
    }
  });

  it('pages with a keyset cursor, newest first', async () => {
    const { town, c } = await caseWithNotes();
    const clock = manualClock();
    const { caller } = await callerFor(db, town.coordinator, { clock });
    for (let i = 1; i <= 4; i++) {
      clock.advance(5 * 60_000);
      await caller.cases.addNote({ caseId: c.id, body: `Synthetic note ${i}` });
    }
    const first = await caller.cases.notes({ caseId: c.id, limit: 4 });
    const second = await caller.cases.notes({ caseId: c.id, limit: 4, cursor: first.nextCursor! });
    expect(first.items.map((n) => n.body)).toEqual(['Synthetic note 4', 'Synthetic note 3', 'Synthetic note 2', 'Synthetic note 1']);
    expect(second.items.map((n) => n.body).sort()).toEqual([NOTE_RESTRICTED, NOTE_STANDARD].sort());
    expect(second.nextCursor).toBeNull();
  });
});

describe('disclosures end', () => {
  it('when the clock passes their expiry', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await makeDisclosure(db, c, {
      agencyId: town.agency.id,
      sections: ['summary'],
      expiresAt: new Date(OPENED_AT.getTime() + 20 * 60_000),
      createdById: town.coordinator.id,
    });
    const clock = manualClock();
    const { caller } = await callerFor(db, town.practitioner, { clock });
    await expect(caller.cases.get({ id: c.id })).resolves.toMatchObject({ sections: ['summary', 'timeline'] });
    clock.advance(21 * 60_000);
    await expect(caller.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await caller.cases.list({})).items).toEqual([]);
    expect(await auditCount(db, town.practitioner.id, 'case.read', 'denied')).toBe(1);
    // The coordinator's team view marks it expired.
    const team = (await (await callerFor(db, town.coordinator, { clock })).caller.cases.get({ id: c.id })).team!;
    expect(team.map((d) => d.status)).toEqual(['expired']);
  });

  it('at once when revoked, and a revocation is recorded once', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const d = await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
    const { caller: practitioner } = await callerFor(db, town.practitioner);
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    await expect(practitioner.cases.get({ id: c.id })).resolves.toBeDefined();
    await coordinator.cases.revokeDisclosure({ id: d.id, reason: 'Support finished' });
    await expect(practitioner.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(coordinator.cases.revokeDisclosure({ id: d.id, reason: 'Again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'case.disclosure.revoke' },
      select: { entityId: true, purpose: true, detail: true },
    });
    expect(event).toMatchObject({
      entityId: c.id,
      purpose: 'support_services',
      detail: { disclosureId: d.id, agencyId: town.agency.id, sections: ['summary', 'plan'], legalBasis: 'public_task' },
    });
    const page = await coordinator.cases.get({ id: c.id });
    expect(page.team!.map((t) => [t.status, t.revokeReason])).toEqual([['revoked', 'Support finished']]);
    // Stored under the case's key, bound to the disclosure.
    const { revokeReason } = await db.disclosure.findUniqueOrThrow({ where: { id: d.id }, select: { revokeReason: true } });
    expect(revokeReason).toMatch(/^k1\./);
    expect(await openStored(db, `disclosure.revoke_reason/${d.id}`, revokeReason!)).toBe('Support finished');
    expect(page.timeline[0]).toMatchObject({ kind: 'revoke', data: { disclosureId: d.id, reason: 'Support finished' } });
    // Another municipality's coordinator cannot touch it.
    const stranger = (await callerFor(db, (await makeTown(db)).coordinator)).caller;
    await expect(stranger.cases.revokeDisclosure({ id: d.id, reason: 'Hijack' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a deactivated agency', () => {
  it('loses what was disclosed to it, and gets it back when reactivated', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary'], createdById: town.coordinator.id });
    const { caller } = await callerFor(db, town.practitioner);
    await expect(caller.cases.get({ id: c.id })).resolves.toMatchObject({ sections: ['summary', 'timeline'] });
    await db.agency.update({ where: { id: town.agency.id }, data: { active: false } });
    await expect(caller.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db.agency.update({ where: { id: town.agency.id }, data: { active: true } });
    await expect(caller.cases.get({ id: c.id })).resolves.toBeDefined();
  });
});

describe('cases.disclose', () => {
  /** Every town's default 'education' purpose, by town. */
  const purposes = new Map<string, string>();
  const valid = (caseId: string, over: Record<string, unknown> = {}) => ({
    caseId,
    purposeId: purposes.get(caseId)!,
    purposeWords: 'Education support',
    sections: ['summary', 'plan'] as ('summary' | 'plan')[],
    legalBasis: 'public_task' as const,
    expiresAt: days(30),
    ...over,
  });

  it('grants the sections to an agency of the municipality, on the timeline and in the audit log', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    purposes.set(c.id, await purposeIdOf(db, town.town.id, 'education'));
    const d = await caller.cases.disclose(valid(c.id, { agencyId: town.agency.id }));
    const page = await (await callerFor(db, town.practitioner)).caller.cases.get({ id: c.id });
    expect(page.sections).toEqual(['summary', 'plan', 'timeline']);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'case.disclose' },
      select: { entityId: true, purpose: true, detail: true },
    });
    // The listed purpose's code and id; never the free words (personal free text).
    expect(event).toEqual({
      entityId: c.id,
      purpose: 'education',
      detail: {
        disclosureId: d.id,
        agencyId: town.agency.id,
        sections: ['summary', 'plan'],
        purposeId: purposes.get(c.id),
        purposeCode: 'education',
        legalBasis: 'public_task',
        expiresAt: days(30).toISOString(),
      },
    });
    const timeline = (await caller.cases.get({ id: c.id })).timeline;
    expect(timeline[0]).toMatchObject({ kind: 'disclose', data: { agencyId: town.agency.id, sections: ['summary', 'plan'] } });
  });

  it('refuses recipients outside the municipality or without case roles, and bad expiries', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const elsewhere = await makeTown(db);
    purposes.set(c.id, await purposeIdOf(db, town.town.id, 'education'));
    const { caller } = await callerFor(db, town.coordinator);
    const refused = async (over: Record<string, unknown>, code: string, fields: Record<string, string>) => {
      const input = valid(c.id, over);
      expect(await failure(caller.cases.disclose(input), input), JSON.stringify(over)).toMatchObject({ code, fields });
    };
    await refused({ agencyId: elsewhere.agency.id }, 'NOT_FOUND', { agencyId: 'NOT_FOUND' });
    await refused({ agencyId: (await makeAgency(db, town.town.id, { active: false })).id }, 'NOT_FOUND', { agencyId: 'NOT_FOUND' });
    await refused({ userId: elsewhere.socialWorker.id }, 'NOT_FOUND', { userId: 'NOT_FOUND' });
    await refused({ userId: town.admin.id }, 'NOT_FOUND', { userId: 'NOT_FOUND' });
    await refused({ userId: town.auditor.id }, 'NOT_FOUND', { userId: 'NOT_FOUND' });
    await refused({ agencyId: town.agency.id, expiresAt: days(-1) }, 'BAD_INPUT', { expiresAt: 'too_small' });
    await refused({ agencyId: town.agency.id, expiresAt: days(367) }, 'BAD_INPUT', { expiresAt: 'too_big' });
    await refused({ agencyId: town.agency.id, userId: town.socialWorker.id }, 'BAD_INPUT', { agencyId: 'one_recipient' });
    await refused({}, 'BAD_INPUT', { agencyId: 'one_recipient' });
    await refused({ agencyId: town.agency.id, sections: [] }, 'BAD_INPUT', { sections: 'too_small' });
    await refused({ agencyId: town.agency.id, purposeWords: 'x' }, 'BAD_INPUT', { purposeWords: 'too_small' });
    expect(await db.disclosure.count({ where: { caseId: c.id } })).toBe(0);
    expect(await auditCount(db, town.coordinator.id, 'case.disclose', 'denied')).toBe(5);
  });

  it('refuses consent as the basis once consent is withdrawn, or when it was never given', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    const withConsent = await makeCase(db, town);
    const withoutConsent = await makeCase(db, town, { consentGiven: false });
    for (const k of [withConsent, withoutConsent]) purposes.set(k.id, await purposeIdOf(db, town.town.id, 'education'));
    const consentOf = async (caseId: string) =>
      (await db.consent.findFirst({ where: { caseId }, select: { id: true } }))?.id ?? randomUUID();
    const consentBasis = async (caseId: string) =>
      caller.cases.disclose(
        valid(caseId, { agencyId: town.agency.id, legalBasis: 'consent', consentId: await consentOf(caseId), consentPurpose: 'education' }),
      );
    await expect(consentBasis(withConsent.id)).resolves.toMatchObject({ legalBasis: 'consent' });
    await caller.consent.withdraw({ caseId: withConsent.id });
    await expect(consentBasis(withConsent.id)).rejects.toMatchObject({ message: 'NO_CONSENT' });
    await expect(consentBasis(withoutConsent.id)).rejects.toMatchObject({ message: 'NO_CONSENT' });
    // Another basis still works.
    await expect(
      caller.cases.disclose(valid(withConsent.id, { agencyId: town.agency.id, legalBasis: 'vital_interest' })),
    ).resolves.toBeDefined();
  });
});

describe('withdrawing consent', () => {
  it('revokes at once the live disclosures that relied on it, and only those', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const other = await makeAgency(db, town.town.id);
    const by = { createdById: town.coordinator.id };
    const onConsent = await makeDisclosure(db, c, { agencyId: town.agency.id, legalBasis: 'consent', ...by });
    const onDuty = await makeDisclosure(db, c, { agencyId: other.id, legalBasis: 'legal_obligation', ...by });
    const expired = await makeDisclosure(db, c, {
      agencyId: other.id,
      legalBasis: 'consent',
      expiresAt: new Date(OPENED_AT.getTime() - DAY),
      ...by,
    });
    const { caller: practitioner } = await callerFor(db, town.practitioner);
    await expect(practitioner.cases.get({ id: c.id })).resolves.toBeDefined();

    const { caller: keyWorker } = await callerFor(db, town.socialWorker);
    const out = await keyWorker.consent.withdraw({ caseId: c.id, note: 'Synthetic: the mother withdrew consent by phone.' });
    expect(out).toMatchObject({ revoked: 1 });

    const rows = await db.disclosure.findMany({ where: { caseId: c.id }, select: { id: true, revokedAt: true, revokeReason: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(onConsent.id)).toMatchObject({ revokeReason: 'consent_withdrawn' });
    expect(byId.get(onDuty.id)).toMatchObject({ revokedAt: null });
    expect(byId.get(expired.id)).toMatchObject({ revokedAt: null });
    await expect(practitioner.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const page = await keyWorker.cases.get({ id: c.id });
    expect(page.consent).toMatchObject({ given: true, withdrawnAt: OPENED_AT });
    expect(page.timeline[0]).toMatchObject({ kind: 'consent', data: { withdrawn: true, revoked: 1 } });
    // The note is kept, restricted to the coordinator and key worker.
    expect(page.notes!.items).toEqual([
      expect.objectContaining({ sensitivity: 'restricted', body: 'Synthetic: the mother withdrew consent by phone.' }),
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.socialWorker.id, action: 'case.consent.withdraw' },
      select: { detail: true },
    });
    const consent = await db.consent.findFirstOrThrow({
      where: { caseId: c.id },
      select: { id: true, withdrawnAt: true, withdrawnById: true },
    });
    expect(consent).toEqual({ id: consent.id, withdrawnAt: OPENED_AT, withdrawnById: town.socialWorker.id });
    expect(audit.detail).toEqual({ consentIds: [consent.id], revoked: 1, disclosureIds: [onConsent.id] });
    await expect(keyWorker.consent.withdraw({ caseId: c.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
