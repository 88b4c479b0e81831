import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { callerFor } from '../helpers/callers.js';
import { failure } from '../helpers/case-factories.js';
import { ERASED_TEXT } from '../../src/shared/erased.js';
import { FOREIGN, personWithEverything } from './setting.js';
import { anonymiseCases, anonymisePeople, anonymiseReferrals } from '../../src/modules/retention/anonymise.js';
import { shredRecordKeys } from '../../src/crypto/record-keys.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { linkStaged } from '../../src/audit/chainer.js';

const { db } = await testDb();

const events = (actorId: string, action: string) =>
  db.auditEvent.findMany({
    where: { actorId, action },
    select: { outcome: true, entityType: true, entityId: true, detail: true },
    orderBy: { id: 'asc' },
  });

describe('subject access: what the export holds', () => {
  it('holds every kind of data of this person, and nothing of a look-alike or a household member', async () => {
    const s = await personWithEverything(db);
    const { id } = await s.coordinator.subjectAccess.prepare({ personId: s.c.person.id, language: 'ar', requestedBy: 'person' });
    const view = await s.coordinator.subjectAccess.get({ personId: s.c.person.id, id });
    const doc = view.document;
    expect(view.request).toMatchObject({ language: 'ar', requestedBy: 'person', status: 'in_review' });

    // Details, and their history (the correction of the name).
    expect(doc.person.anonymised).toBe(false);
    expect(doc.person.details).toMatchObject({ id: s.c.person.id, nameLatin: 'Layla Synthetique' });
    expect(doc.person.history).toContainEqual(
      expect.objectContaining({ field: 'nameLatin', from: 'Layla Synthetic', to: 'Layla Synthetique' }),
    );
    // Referrals (the concern, decrypted) and cases (summary, notes, assessments, plan).
    expect(doc.referrals.map((r) => r.id)).toEqual([s.referral.id]);
    expect(doc.referrals[0]!.concernText).toBe('Synthetic concern for a case factory.');
    expect(doc.cases.map((c) => c.id)).toEqual([s.c.id]);
    const c = doc.cases[0]!;
    expect(c.summary).toBe('Synthetic summary: attends the youth centre again.');
    expect(c.notes.find((n) => n.id === s.ids.standard)).toMatchObject({
      restricted: false,
      status: 'included',
      content: { text: 'Synthetic standard note: met at school.' },
    });
    expect(c.assessments).toHaveLength(1);
    expect(c.assessments[0]!.judgement).toBe('Synthetic judgement: protective factors growing.');
    expect(c.assessments[0]!.ratings.length).toBeGreaterThan(0);
    expect(c.plan.interventions.map((i) => i.id)).toEqual([s.ids.intervention]);
    expect(c.plan.tasks).toEqual([expect.objectContaining({ id: s.ids.task, title: 'Synthetic task: call the family' })]);
    // Every disclosure: to whom, which sections, the legal basis, the dates, the revocation.
    expect(c.disclosures).toHaveLength(2);
    expect(c.disclosures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: s.ids.live,
          to: s.town.agency.name,
          sections: ['summary', 'plan'],
          legalBasis: 'public_task',
          status: 'live',
        }),
        expect.objectContaining({ id: s.ids.revoked, sections: ['notes'], status: 'revoked', revokedAt: expect.any(Date) }),
      ]),
    );
    expect(c.disclosures.every((d) => d.from instanceof Date && d.until instanceof Date)).toBe(true);
    expect(c.consents.map((k) => k.id)).toEqual([s.consent.id]);
    // Who accessed the record: the social worker's read, by role.
    expect(doc.access.entries).toContainEqual(
      expect.objectContaining({ action: 'case.read', role: 'social_worker', outcome: 'allowed', record: 'Case' }),
    );
    expect(doc.access.entries.every((e) => !('actorId' in e) && !('ip' in e))).toBe(true);

    // Nothing of the look-alike (same name, another person) nor of the household member's own record.
    const json = JSON.stringify(doc);
    for (const words of Object.values(FOREIGN)) expect(json).not.toContain(words);
    expect(json).not.toContain(s.lookAlike.id);
    expect(json).not.toContain(s.lookAlike.reference);
    expect(json).not.toContain(s.lookAlike.person.id);
    expect(json).not.toContain(s.member.id);
    expect(json).not.toContain(s.member.reference);
  });

  it('marks restricted notes and third parties’ data for review, and release waits for each decision', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({
      personId,
      language: 'fr',
      requestedBy: 'guardian',
      requesterName: 'Guardian Synthetic',
    });
    const view = await s.coordinator.subjectAccess.get({ personId, id });
    expect([...view.pending].sort()).toEqual(
      [
        `restricted_note:${s.ids.restricted}`,
        `guardian:${personId}`,
        `consent_giver:${s.consent.id}`,
        `household_member:${s.member.person.id}`,
        `referrer:${s.referral.id}`,
      ].sort(),
    );
    // The coordinator sees each item to decide on it.
    const restricted = view.document.cases[0]!.notes.find((n) => n.id === s.ids.restricted)!;
    expect(restricted).toMatchObject({ restricted: true, status: 'pending', content: { text: expect.stringContaining('in confidence') } });
    expect(view.document.person.guardian).toMatchObject({ status: 'pending', content: { name: 'Guardian Synthetic' } });

    // Release before every item is decided: refused, and nothing changes.
    expect(await failure(s.coordinator.subjectAccess.release({ personId, id, version: 1, method: 'handed_over' }))).toMatchObject({
      code: 'SUBJECT_ACCESS_UNREVIEWED',
    });
    // Withholding wants a reason; only this document's items.
    expect(
      (
        await failure(
          s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: [{ key: view.pending[0]!, include: false }] }),
        )
      ).fields,
    ).toEqual({
      'decisions.0.reason': 'required',
    });
    expect(
      (
        await failure(
          s.coordinator.subjectAccess.review({
            personId,
            id,
            version: 1,
            decisions: [{ key: `restricted_note:${randomUUID()}`, include: true }],
          }),
        )
      ).code,
    ).toBe('BAD_INPUT');
    expect((await db.subjectAccessRequest.findUniqueOrThrow({ where: { id } })).version).toBe(1);

    const reason = 'Synthetic reason: a third party’s words.';
    const reviewed = await s.coordinator.subjectAccess.review({
      personId,
      id,
      version: 1,
      decisions: view.pending.map((key) => (key.startsWith('guardian:') ? { key, include: true } : { key, include: false, reason })),
    });
    expect(reviewed).toEqual({ version: 2, pending: 0 });
    // A second save against the version it opened is refused (someone saved since).
    expect((await failure(s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: [] }))).code).toBe('CONFLICT');
    // The decisions and the requester's name are stored encrypted.
    const row = await db.subjectAccessRequest.findUniqueOrThrow({ where: { id } });
    expect(row.decisions).not.toContain(reason);
    expect(row.requesterName).not.toContain('Guardian');

    // Not printable before release.
    expect((await failure(s.coordinator.subjectAccess.document({ personId, id, format: 'json' }))).code).toBe(
      'SUBJECT_ACCESS_NOT_RELEASED',
    );
    const released = await s.coordinator.subjectAccess.release({ personId, id, version: 2, method: 'sent' });
    expect(released.digest).toMatch(/^[0-9a-f]{64}$/);

    // The released document: withheld items carry their reason and no content; the guardian was included.
    const doc = await s.coordinator.subjectAccess.document({ personId, id, format: 'json' });
    expect(doc).toMatchObject({ format: 'jisr.subject-access/1', unchanged: true, digest: released.digest });
    expect(doc.request).toMatchObject({
      status: 'released',
      releaseMethod: 'sent',
      requesterName: 'Guardian Synthetic',
      releasedBy: expect.any(String),
    });
    expect(doc.cases[0]!.notes.find((n) => n.id === s.ids.restricted)).toMatchObject({ status: 'withheld', reason, content: null });
    expect(doc.household).toEqual([expect.objectContaining({ status: 'withheld', reason, content: null })]);
    expect(doc.referrals[0]!.referrer).toMatchObject({ status: 'withheld', content: null });
    expect(doc.person.guardian).toMatchObject({ status: 'included', content: { name: 'Guardian Synthetic' } });
    expect(JSON.stringify(doc)).not.toContain('in confidence');
    expect(JSON.stringify(doc)).not.toContain('Omar Synthetic');
  });
});

describe('subject access: release locks it', () => {
  it('refuses review and a second release after release, and keeps the document as released', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({ personId, language: 'en', requestedBy: 'person' });
    const { pending } = await s.coordinator.subjectAccess.get({ personId, id });
    await s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: pending.map((key) => ({ key, include: true })) });
    await s.coordinator.subjectAccess.release({ personId, id, version: 2, method: 'handed_over' });
    expect((await failure(s.coordinator.subjectAccess.review({ personId, id, version: 3, decisions: [] }))).code).toBe(
      'SUBJECT_ACCESS_RELEASED',
    );
    expect((await failure(s.coordinator.subjectAccess.release({ personId, id, version: 3, method: 'sent' }))).code).toBe(
      'SUBJECT_ACCESS_RELEASED',
    );
    const row = await db.subjectAccessRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ releaseMethod: 'handed_over', releasedById: s.town.coordinator.id, version: 3 });

    // What is recorded after the release is not part of it: the document stays the one handed over.
    s.clock.advance(60_000);
    await s.coordinator.cases.addNote({ caseId: s.c.id, body: 'Synthetic note written after the release.' });
    const doc = await s.coordinator.subjectAccess.document({ personId, id, format: 'print' });
    expect(JSON.stringify(doc)).not.toContain('after the release');
    expect(doc.unchanged).toBe(true);
    // A later correction of the details changes what would be assembled: the page says so.
    const person = await s.coordinator.people.get({ id: personId });
    await s.coordinator.people.correct({ id: personId, version: person.version, nameLatin: 'Layla Corrected' });
    expect((await s.coordinator.subjectAccess.document({ personId, id, format: 'print' })).unchanged).toBe(false);
  });

  it('keeps to the chain as released: a read in flight at release, linked after it with a lower id, stays out', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({ personId, language: 'en', requestedBy: 'person' });
    const { pending } = await s.coordinator.subjectAccess.get({ personId, id });
    await s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: pending.map((key) => ({ key, include: true })) });
    // A read of the person whose event is staged (its id taken) in a transaction still open at the release.
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let staged!: () => void;
    const isStaged = new Promise<void>((resolve) => {
      staged = resolve;
    });
    const base = {
      municipalityId: s.town.town.id,
      actorId: s.town.auditor.id,
      actorRole: 'auditor' as const,
      requestId: 'in-flight',
      ip: null,
    };
    const inFlight = db.$transaction(
      async (tx) => {
        const audit = new AuditTrail(base, s.clock);
        audit.record({ action: 'person.read', entityType: 'Person', entityId: personId });
        await audit.flush(tx);
        staged();
        await held;
      },
      { timeout: 30_000 },
    );
    await isStaged;
    const staging = await db.$queryRaw<{ id: bigint }[]>`SELECT max(id) AS id FROM audit_event`;
    // Later calls are linked meanwhile (ids above the one in flight), then the release.
    await s.coordinator.people.get({ id: personId });
    await s.coordinator.subjectAccess.release({ personId, id, version: 2, method: 'handed_over' });
    finish();
    await inFlight;
    await linkStaged(db);
    const late = await db.auditEvent.findFirstOrThrow({ where: { requestId: 'in-flight' }, select: { id: true } });
    const released = await db.subjectAccessRequest.findUniqueOrThrow({ where: { id }, select: { asOfEventId: true } });
    expect(late.id).toBeLessThan(released.asOfEventId!);
    expect(staging[0]!.id).toBeLessThan(released.asOfEventId!);
    const doc = await s.coordinator.subjectAccess.document({ personId, id, format: 'json' });
    expect(doc.unchanged).toBe(true);
    expect(doc.access.entries.some((a) => a.role === 'auditor' && a.action === 'person.read')).toBe(false);
  });

  it('lists the person’s requests and audits every step as an event about the person', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({
      personId,
      language: 'ar',
      requestedBy: 'representative',
      requesterName: 'Advocate Synthetic',
    });
    const { pending } = await s.coordinator.subjectAccess.get({ personId, id });
    await s.coordinator.subjectAccess.review({
      personId,
      id,
      version: 1,
      decisions: pending.map((key) => ({ key, include: false, reason: 'Synthetic reason.' })),
    });
    await s.coordinator.subjectAccess.release({ personId, id, version: 2, method: 'handed_over' });
    await s.coordinator.subjectAccess.document({ personId, id, format: 'json' });
    const list = await s.coordinator.subjectAccess.list({ personId });
    expect(list).toEqual([
      expect.objectContaining({
        id,
        status: 'released',
        requesterName: 'Advocate Synthetic',
        language: 'ar',
        releaseMethod: 'handed_over',
      }),
    ]);
    const me = s.town.coordinator.id;
    for (const action of [
      'subject_access.prepare',
      'subject_access.view',
      'subject_access.review',
      'subject_access.release',
      'subject_access.download',
    ]) {
      expect(await events(me, action)).toEqual([
        expect.objectContaining({
          outcome: 'allowed',
          entityType: 'Person',
          entityId: personId,
          detail: expect.objectContaining({ requestId: id }),
        }),
      ]);
    }
    expect((await events(me, 'subject_access.download'))[0]!.detail).toMatchObject({ format: 'json' });
    // The view showed the person's case and referral: it is in their access history too.
    const viewed = await db.auditEvent.findFirstOrThrow({ where: { actorId: me, action: 'subject_access.view' }, select: { id: true } });
    const links = await db.auditEventEntity.findMany({ where: { eventId: viewed.id }, select: { entityType: true, entityId: true } });
    expect(links).toEqual(
      expect.arrayContaining([
        { entityType: 'Case', entityId: s.c.id },
        { entityType: 'Referral', entityId: s.referral.id },
      ]),
    );
    // No reason or requester name goes into the log.
    expect(JSON.stringify(await events(me, 'subject_access.review'))).not.toContain('Synthetic reason');
    expect(JSON.stringify(await events(me, 'subject_access.prepare'))).not.toContain('Advocate');
  });
});

describe('subject access: refusals', () => {
  it('refuses other roles, another municipality and crafted ids, each refusal audited', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({ personId, language: 'en', requestedBy: 'person' });
    for (const user of [s.town.socialWorker, s.town.practitioner, s.town.auditor, s.town.admin]) {
      const { caller } = await callerFor(db, user);
      expect((await failure(caller.subjectAccess.prepare({ personId, language: 'en', requestedBy: 'person' }))).code).toBe('FORBIDDEN');
      expect((await failure(caller.subjectAccess.get({ personId, id }))).code).toBe('FORBIDDEN');
      expect((await failure(caller.subjectAccess.document({ personId, id, format: 'json' }))).code).toBe('FORBIDDEN');
      expect(await events(user.id, 'subject_access.get')).toEqual([]);
      expect((await events(user.id, 'subject_access.view')).map((e) => e.outcome)).toEqual(['denied']);
    }
    const { caller: stranger } = await callerFor(db, s.other.coordinator);
    expect((await failure(stranger.subjectAccess.prepare({ personId, language: 'en', requestedBy: 'person' }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.subjectAccess.get({ personId, id }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.subjectAccess.list({ personId }))).code).toBe('NOT_FOUND');
    // A crafted person id, and a request of another person under this one's id.
    const crafted = randomUUID();
    expect((await failure(s.coordinator.subjectAccess.get({ personId: crafted, id }))).code).toBe('NOT_FOUND');
    const theirs = await s.coordinator.subjectAccess.prepare({ personId: s.lookAlike.person.id, language: 'en', requestedBy: 'person' });
    expect((await failure(s.coordinator.subjectAccess.get({ personId, id: theirs.id }))).code).toBe('NOT_FOUND');
    expect((await failure(s.coordinator.subjectAccess.get({ personId, id: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await failure(s.coordinator.subjectAccess.get({ personId, id: 'not-a-uuid' }))).code).toBe('BAD_INPUT');
    expect(await events(s.other.coordinator.id, 'subject_access.view')).toEqual([
      expect.objectContaining({ outcome: 'denied', entityType: 'Person', entityId: personId }),
    ]);
    expect((await events(s.town.coordinator.id, 'subject_access.view')).filter((e) => e.outcome === 'denied')).toEqual([
      expect.objectContaining({ entityType: 'Person', entityId: crafted }),
      expect.objectContaining({ entityType: 'SubjectAccessRequest', entityId: theirs.id }),
      expect.objectContaining({ entityType: 'SubjectAccessRequest' }),
    ]);
    // Bad input changes nothing: no request was made by any refusal.
    expect(await db.subjectAccessRequest.count({ where: { personId } })).toBe(1);
    expect(
      (await failure(s.coordinator.subjectAccess.prepare({ personId, language: 'de' as 'en', requestedBy: 'person' }))).fields,
    ).toEqual({
      language: 'invalid_value',
    });
    expect(await db.subjectAccessRequest.count({ where: { personId } })).toBe(1);
  });
});

describe('subject access: an anonymised person', () => {
  it('shows a record retention anonymised as anonymised, its erased text as erased, and can still be released', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({ personId, language: 'ar', requestedBy: 'person' });
    // As the retention job leaves them: the case, its referral and then the person anonymised, their keys destroyed.
    const at = new Date('2026-01-16T00:00:00Z');
    await db.$transaction(async (tx) => {
      await anonymiseCases(tx, s.town.town.id, [s.c.id], 'case_closed', at);
      await anonymiseReferrals(tx, s.town.town.id, [s.referral.id], 'case_closed', at);
      expect(await anonymisePeople(tx, s.town.town.id, [personId], at)).toEqual([personId]);
    });
    const view = await s.coordinator.subjectAccess.get({ personId, id });
    expect(view.document.person).toMatchObject({ anonymised: true, details: null, guardian: null, history: null });
    expect(view.document.cases).toEqual([
      expect.objectContaining({ id: s.c.id, anonymisedAt: at, summary: null, notes: [], assessments: [], consents: [] }),
    ]);
    expect(view.document.referrals).toEqual([expect.objectContaining({ id: s.referral.id, anonymisedAt: at, referrer: null })]);
    expect([ERASED_TEXT, null]).toContain(view.document.referrals[0]!.concernText);
    expect(view.document.household).toEqual([]);
    expect(view.pending).toEqual([]);
    expect(JSON.stringify(view.document)).not.toContain('Synthetic');
    // Nothing is left to review: it is released as it stands.
    await s.coordinator.subjectAccess.release({ personId, id, version: 1, method: 'handed_over' });
    expect((await s.coordinator.subjectAccess.document({ personId, id, format: 'json' })).person.anonymised).toBe(true);
  });

  it('the requester’s name and the decisions go with the person’s record key', async () => {
    const s = await personWithEverything(db);
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({
      personId,
      language: 'en',
      requestedBy: 'guardian',
      requesterName: 'Guardian Synthetic',
    });
    const { pending } = await s.coordinator.subjectAccess.get({ personId, id });
    await s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: pending.map((key) => ({ key, include: true })) });
    const row = await db.subjectAccessRequest.findUniqueOrThrow({ where: { id } });
    expect(row.requesterName).toMatch(/^k1\./);
    expect(row.decisions).toMatch(/^k1\./);
    await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'person', id: personId }));
    const [listed] = await s.coordinator.subjectAccess.list({ personId });
    expect(listed!.requesterName).toBe(ERASED_TEXT);
    expect((await s.coordinator.subjectAccess.get({ personId, id })).pending.length).toBe(pending.length);
  });
});
