import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { failure, makeCase, type Town } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { runRetention } from '../../src/modules/retention/run.js';
import { ERASED_VALUE } from '../../src/crypto/record-keys.js';
import { verifyChain } from '../../src/audit/verify.js';

const { db } = await testDb();

/** When the job runs: three years and a month after the factories' cases were closed. */
const RUN_AT = new Date('2029-03-01T06:00:00Z');

/** Closes a case (as cases.close would leave it) on `closedAt`. */
async function close(c: { id: string }, closedAt: string, followUpAt: string | null = null) {
  await db.case.update({
    where: { id: c.id },
    data: {
      stage: 'closed',
      closedAt: new Date(closedAt),
      closureReason: 'risk_reduced',
      closeReason: 'Synthetic closing words.',
      followUpAt: followUpAt ? new Date(followUpAt) : null,
    },
  });
}

/** A town with one record of each kind: expired, not yet due, held, open. Synthetic data only. */
async function scene(town?: Town) {
  const t = town ?? (await makeTown(db));
  const expired = await makeCase(db, t, {
    summary: 'Synthetic summary to be erased.',
    person: { nameLatin: 'Rami Synthetic', nameArabic: 'رامي' },
  });
  await close(expired, '2026-02-10T10:00:00Z');
  await db.intervention.create({
    data: {
      caseId: expired.id,
      municipalityId: t.town.id,
      type: 'mentoring',
      title: 'Synthetic mentoring title',
      outcome: 'Synthetic outcome words',
      agencyId: t.agency.id,
      status: 'completed',
      createdAt: new Date('2026-01-20T10:00:00Z'),
      updatedAt: new Date('2026-01-20T10:00:00Z'),
      createdById: t.coordinator.id,
    },
  });
  await db.caseNote.create({
    data: {
      caseId: expired.id,
      municipalityId: t.town.id,
      authorId: t.coordinator.id,
      body: testKeyring.encrypt('Synthetic note body.', 'case.note'),
      createdAt: new Date('2026-01-21T10:00:00Z'),
    },
  });
  // Closed later, with a follow-up: its clock starts at the follow-up date.
  const recent = await makeCase(db, t, { summary: 'Synthetic summary that stays.' });
  await close(recent, '2026-02-10T10:00:00Z', '2026-06-01');
  const held = await makeCase(db, t, { summary: 'Synthetic summary under a hold.' });
  await close(held, '2026-02-10T10:00:00Z');
  const open = await makeCase(db, t);
  // Closed without a case on 2026-01-13 (six months: due 2026-07-13); signposted in 2028 (twelve: due 2029-11).
  const closedReferral = await makeReferral(db, testKeyring, {
    town: t,
    referrer: t.socialWorker,
    status: 'closed',
    decidedBy: t.coordinator,
  });
  const signposted = await makeReferral(db, testKeyring, {
    town: t,
    referrer: t.socialWorker,
    status: 'signposted',
    decidedBy: t.coordinator,
    submittedAt: new Date('2028-11-02T10:00:00Z'),
  });
  return { t, expired, recent, held, open, closedReferral, signposted };
}

const coordinatorOf = (t: Town, at = RUN_AT) => callerFor(db, t.coordinator, { clock: manualClock(at) });

describe('the retention job', () => {
  it('anonymises only what expired, keeps the coarse facts, respects a hold, certifies, and a second run does nothing', async () => {
    const s = await scene();
    const other = await scene();
    const { caller } = await coordinatorOf(s.t);
    await caller.retention.placeHold({ caseId: s.held.id, reason: 'Synthetic court order to keep the file.' });

    const before = await db.auditEvent.count({ where: { municipalityId: s.t.town.id } });
    const result = await runRetention(db, s.t.town.id, manualClock(RUN_AT));
    expect(result).toEqual({ certificates: 2, cases: 1, referrals: 2, people: 2 });

    // The expired case: words gone, coarse facts kept on the same row.
    const c = await db.case.findUniqueOrThrow({
      where: { id: s.expired.id },
      select: {
        summary: true,
        closeReason: true,
        stage: true,
        cohort: true,
        closureReason: true,
        openedAt: true,
        closedAt: true,
        anonymisedAt: true,
        anonymisedRule: true,
      },
    });
    expect(c).toEqual({
      summary: null,
      closeReason: null,
      stage: 'closed',
      cohort: 'youth',
      closureReason: 'risk_reduced',
      openedAt: expect.any(Date),
      closedAt: expect.any(Date),
      anonymisedAt: RUN_AT,
      anonymisedRule: 'case_closed',
    });
    expect(c.closedAt!.getUTCDate()).toBe(1);
    const note = await db.caseNote.findFirstOrThrow({ where: { caseId: s.expired.id }, select: { body: true } });
    expect(note.body).toBe(ERASED_VALUE);
    expect(
      await db.intervention.findFirstOrThrow({
        where: { caseId: s.expired.id },
        select: { title: true, outcome: true, type: true, status: true },
      }),
    ).toEqual({
      title: '',
      outcome: null,
      type: 'mentoring',
      status: 'completed',
    });
    const referral = await db.referral.findUniqueOrThrow({
      where: { id: s.expired.referralId },
      select: { concernText: true, cohort: true, source: true, submittedAt: true, legalJustification: true, anonymisedRule: true },
    });
    expect(referral).toMatchObject({ concernText: ERASED_VALUE, cohort: 'youth', source: 'school', anonymisedRule: 'case_closed' });
    expect(referral.submittedAt.toISOString()).toMatch(/-01T/);
    const person = await db.person.findUniqueOrThrow({
      where: { id: s.expired.person.id },
      select: {
        nameArabic: true,
        nameLatin: true,
        latinKey: true,
        skeleton: true,
        birthDate: true,
        birthYear: true,
        sex: true,
        cohort: true,
        anonymisedAt: true,
      },
    });
    expect(person).toEqual({
      nameArabic: null,
      nameLatin: null,
      latinKey: '',
      skeleton: '',
      birthDate: null,
      birthYear: 2009,
      sex: 'unknown',
      cohort: 'youth',
      anonymisedAt: RUN_AT,
    });
    // Crypto-shredding: the case's, referral's and person's own keys are destroyed.
    const keys = await db.dataKey.findMany({
      where: { ownerId: { in: [s.expired.id, s.expired.referralId, s.expired.person.id] } },
      select: { wrapped: true, destroyedAt: true },
    });
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => k.wrapped === null && k.destroyedAt !== null)).toBe(true);

    // The referral closed without a case, and its person.
    expect(
      await db.referral.findUniqueOrThrow({
        where: { id: s.closedReferral.id },
        select: { anonymisedRule: true, decisionReason: true, concernCategories: true },
      }),
    ).toEqual({
      anonymisedRule: 'referral_closed',
      decisionReason: null,
      concernCategories: [],
    });
    expect(
      (await db.person.findUniqueOrThrow({ where: { id: s.closedReferral.personId }, select: { anonymisedAt: true } })).anonymisedAt,
    ).toEqual(RUN_AT);

    // Not due, held, open, signposted too recently, and another town: untouched, their text still opens.
    for (const kept of [s.recent, s.held, s.open]) {
      const row = await db.case.findUniqueOrThrow({
        where: { id: kept.id },
        select: { anonymisedAt: true, person: { select: { nameLatin: true } } },
      });
      expect(row.anonymisedAt).toBeNull();
      expect(row.person.nameLatin).not.toBeNull();
    }
    const heldSummary = await db.case.findUniqueOrThrow({ where: { id: s.held.id }, select: { summary: true } });
    expect(testKeyring.decrypt(heldSummary.summary!, 'case.summary')).toBe('Synthetic summary under a hold.');
    expect(
      (await db.referral.findUniqueOrThrow({ where: { id: s.signposted.id }, select: { anonymisedAt: true } })).anonymisedAt,
    ).toBeNull();
    expect(await db.case.count({ where: { municipalityId: other.t.town.id, anonymisedAt: { not: null } } })).toBe(0);
    expect(await db.referral.count({ where: { municipalityId: other.t.town.id, anonymisedAt: { not: null } } })).toBe(0);
    expect(await db.deletionCertificate.count({ where: { municipalityId: other.t.town.id } })).toBe(0);

    // Certificates: one per rule that took something, counts matching the rows, each naming its audit event.
    const certs = await db.deletionCertificate.findMany({ where: { municipalityId: s.t.town.id }, orderBy: { recordType: 'asc' } });
    expect(certs.map((x) => [x.recordType, x.counts])).toEqual([
      ['referral_closed', { cases: 0, referrals: 1, people: 1 }],
      ['case_closed', { cases: 1, referrals: 1, people: 1 }],
    ]);
    for (const cert of certs) {
      const event = await db.auditEvent.findUniqueOrThrow({
        where: { id: cert.auditEventId },
        select: { seq: true, hash: true, action: true, detail: true, actorId: true },
      });
      expect(event).toMatchObject({ seq: cert.auditSeq, hash: cert.auditHash, action: 'retention.anonymise', actorId: null });
      expect((event.detail as { counts: unknown; certificate: string }).counts).toEqual(cert.counts);
      expect((event.detail as { certificate: string }).certificate).toBe(cert.id);
      expect(JSON.stringify(event.detail)).not.toMatch(/Rami|رامي|Synthetic/);
    }
    expect(await verifyChain(db, s.t.town.id)).toMatchObject({ firstBroken: null });
    // The case's access history holds the anonymisation.
    const linked = await db.auditEventEntity.findMany({
      where: { entityType: 'Case', entityId: s.expired.id },
      select: { event: { select: { action: true } } },
    });
    expect(linked.map((l) => l.event.action)).toContain('retention.anonymise');

    // The case page and the list do not break on the anonymised case.
    const page = await caller.cases.get({ id: s.expired.id });
    expect(page.summary?.text ?? null).not.toBe('Synthetic summary to be erased.');
    await expect(caller.cases.list({})).resolves.toBeTruthy();
    // Nor do the referral, the person, the search and the referrer's list.
    const ref = await caller.referrals.get({ id: s.closedReferral.id });
    expect(JSON.stringify(ref)).not.toMatch(/Synthetic concern|Synthetic minuted/);
    await expect(caller.people.get({ id: s.expired.person.id })).resolves.toBeTruthy();
    expect(JSON.stringify(await caller.search.find({ query: 'Rami Synthetic' }))).not.toContain(s.expired.person.id);
    const { caller: referrer } = await callerFor(db, s.t.socialWorker, { clock: manualClock(RUN_AT) });
    await expect(referrer.referrals.mine({})).resolves.toBeTruthy();
    expect(await caller.retention.hold({ caseId: s.expired.id })).toMatchObject({
      anonymisedAt: RUN_AT,
      anonymisedRule: 'case_closed',
      dueAt: null,
    });

    // An anonymised case never moves again (nor takes new words: its key is gone).
    expect(await failure(caller.cases.reopen({ id: s.expired.id, reason: 'Synthetic reopening.' }))).toMatchObject({
      code: 'CASE_ANONYMISED',
    });
    expect(await failure(caller.cases.changeStage({ id: s.expired.id, stage: 'follow_up', reason: 'Synthetic check.' }))).toMatchObject({
      code: 'CASE_ANONYMISED',
    });
    expect((await db.case.findUniqueOrThrow({ where: { id: s.expired.id }, select: { stage: true } })).stage).toBe('closed');
    // Nor are the person's details or the referral's facts written back by a correction.
    expect(await failure(caller.people.correct({ id: s.expired.person.id, version: 1, nameLatin: 'Rami Synthetic' }))).toMatchObject({
      code: 'CASE_ANONYMISED',
    });
    expect(await failure(caller.referrals.correct({ id: s.closedReferral.id, version: 1, urgency: 'priority' }))).toMatchObject({
      code: 'CASE_ANONYMISED',
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: s.expired.person.id }, select: { nameLatin: true } })).nameLatin).toBeNull();

    // A second run: nothing due, nothing written.
    const events = await db.auditEvent.count({ where: { municipalityId: s.t.town.id } });
    expect(events).toBeGreaterThan(before);
    expect(await runRetention(db, s.t.town.id, manualClock(RUN_AT))).toEqual({ certificates: 0, cases: 0, referrals: 0, people: 0 });
    expect(await db.auditEvent.count({ where: { municipalityId: s.t.town.id } })).toBe(events);
    expect(await db.deletionCertificate.count({ where: { municipalityId: s.t.town.id } })).toBe(2);
  });

  it('keeps a person while any record of theirs is retained, and takes them once the last goes', async () => {
    const t = await makeTown(db);
    const c = await makeCase(db, t);
    await close(c, '2026-02-10T10:00:00Z');
    const household = await db.household.create({
      data: { municipalityId: t.town.id, label: 'Synthetic family label' },
      select: { id: true },
    });
    await db.householdMember.create({
      data: { householdId: household.id, personId: c.person.id, municipalityId: t.town.id, relationship: 'child' },
    });
    // The same person was referred again and signposted in 2028: still retained in 2029.
    const again = await makeReferral(db, testKeyring, {
      town: t,
      referrer: t.socialWorker,
      person: c.person,
      status: 'signposted',
      submittedAt: new Date('2028-11-02T10:00:00Z'),
    });
    expect(await runRetention(db, t.town.id, manualClock(RUN_AT))).toMatchObject({ cases: 1, people: 0 });
    expect((await db.person.findUniqueOrThrow({ where: { id: c.person.id }, select: { nameLatin: true } })).nameLatin).not.toBeNull();
    expect((await db.household.findUniqueOrThrow({ where: { id: household.id }, select: { label: true } })).label).toBe(
      'Synthetic family label',
    );
    expect(await runRetention(db, t.town.id, manualClock(new Date('2030-01-01T00:00:00Z')))).toMatchObject({ referrals: 1, people: 1 });
    expect((await db.person.findUniqueOrThrow({ where: { id: again.personId }, select: { nameLatin: true } })).nameLatin).toBeNull();
    // The household's label went with its last retained member.
    expect((await db.household.findUniqueOrThrow({ where: { id: household.id }, select: { label: true } })).label).toBeNull();
  });

  it('lifting a hold lets the next run take the case', async () => {
    const s = await scene();
    const { caller } = await coordinatorOf(s.t);
    await caller.retention.placeHold({ caseId: s.held.id, reason: 'Synthetic inquiry pending.' });
    await runRetention(db, s.t.town.id, manualClock(RUN_AT));
    expect((await db.case.findUniqueOrThrow({ where: { id: s.held.id }, select: { anonymisedAt: true } })).anonymisedAt).toBeNull();
    expect(await caller.retention.liftHold({ caseId: s.held.id })).toEqual({ lifted: 1 });
    expect(await caller.retention.liftHold({ caseId: s.held.id })).toEqual({ lifted: 0 });
    await runRetention(db, s.t.town.id, manualClock(RUN_AT));
    expect((await db.case.findUniqueOrThrow({ where: { id: s.held.id }, select: { anonymisedAt: true } })).anonymisedAt).toEqual(RUN_AT);
    // The lifted hold's reason went with the case.
    expect(await db.legalHold.findFirstOrThrow({ where: { caseId: s.held.id }, select: { reason: true, liftedAt: true } })).toMatchObject({
      reason: null,
    });
    expect(await failure(caller.retention.placeHold({ caseId: s.held.id, reason: 'Synthetic late hold.' }))).toMatchObject({
      code: 'CASE_ANONYMISED',
    });
  });
});

describe('retention preview, holds and certificates', () => {
  it('previews the next 30 days by rule, with held records marked and no names', async () => {
    const s = await scene();
    const { caller } = await coordinatorOf(s.t, new Date('2029-01-20T09:00:00Z'));
    await caller.retention.placeHold({ caseId: s.held.id, reason: 'Synthetic court order to keep the file.' });
    const preview = await caller.retention.preview();
    const byId = new Map(preview.items.map((i) => [i.id, i]));
    expect(byId.get(s.expired.id)).toMatchObject({
      recordType: 'case_closed',
      kind: 'Case',
      reference: s.expired.reference,
      held: false,
      overdue: false,
    });
    expect(byId.get(s.held.id)).toMatchObject({ held: true });
    expect(byId.get(s.closedReferral.id)).toMatchObject({ recordType: 'referral_closed', overdue: true });
    expect(byId.has(s.recent.id)).toBe(false);
    expect(byId.has(s.open.id)).toBe(false);
    expect(byId.has(s.signposted.id)).toBe(false);
    expect(JSON.stringify(preview)).not.toMatch(/Rami|رامي|Sami/);
    // The preview changed nothing.
    expect(await db.case.count({ where: { municipalityId: s.t.town.id, anonymisedAt: { not: null } } })).toBe(0);
  });

  it('a hold is coordinator-only, encrypted, one at a time, and NOT_FOUND across towns or for a crafted id', async () => {
    const s = await scene();
    const b = await makeTown(db);
    const { caller } = await coordinatorOf(s.t);
    await caller.retention.placeHold({ caseId: s.held.id, reason: 'Synthetic court order to keep the file.' });
    const row = await db.legalHold.findFirstOrThrow({ where: { caseId: s.held.id }, select: { reason: true } });
    expect(row.reason).not.toContain('court order');
    expect((await caller.retention.hold({ caseId: s.held.id })).live).toMatchObject({ reason: 'Synthetic court order to keep the file.' });
    expect(await failure(caller.retention.placeHold({ caseId: s.held.id, reason: 'Synthetic second hold.' }))).toMatchObject({
      code: 'ALREADY_HELD',
    });

    for (const user of [s.t.socialWorker, s.t.practitioner, s.t.admin, s.t.auditor]) {
      const { caller: other } = await callerFor(db, user, { clock: manualClock(RUN_AT) });
      expect(await failure(other.retention.placeHold({ caseId: s.open.id, reason: 'Synthetic hold attempt.' }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(other.retention.liftHold({ caseId: s.held.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(other.retention.preview())).toMatchObject({ code: 'FORBIDDEN' });
    }
    const { caller: elsewhere } = await callerFor(db, b.coordinator, { clock: manualClock(RUN_AT) });
    expect(await failure(elsewhere.retention.placeHold({ caseId: s.open.id, reason: 'Synthetic hold attempt.' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failure(elsewhere.retention.liftHold({ caseId: s.held.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(elsewhere.retention.hold({ caseId: s.held.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(caller.retention.placeHold({ caseId: randomUUID(), reason: 'Synthetic hold attempt.' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Still exactly the one live hold, and the refusals are audited.
    expect(await db.legalHold.count({ where: { caseId: { in: [s.held.id, s.open.id] } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: b.coordinator.id, action: 'retention.hold.place', outcome: 'denied' } })).toBe(1);
    // Bad input: a reason too short is a field error, and nothing is written.
    const bad = await failure(caller.retention.placeHold({ caseId: s.open.id, reason: 'x' }), { caseId: s.open.id, reason: 'x' });
    expect(bad).toMatchObject({ code: 'BAD_INPUT', fields: { reason: 'too_small' } });
    expect(await db.legalHold.count({ where: { caseId: s.open.id } })).toBe(0);
  });

  it('the admin edits the rules (audited old → new); a coordinator cannot; bad input changes nothing', async () => {
    const t = await makeTown(db);
    const { caller: admin } = await callerFor(db, t.admin, { clock: manualClock(RUN_AT) });
    const rules = await admin.retention.rules();
    expect(rules.map((r) => [r.recordType, r.months, r.isDefault])).toEqual([
      ['referral_closed', 6, true],
      ['referral_signposted', 12, true],
      ['case_closed', 36, true],
    ]);
    const set = await admin.retention.setRule({ recordType: 'case_closed', months: 60, legalReference: 'Synthetic law 00-00, art. 1' });
    expect(set).toMatchObject({ months: 60, isDefault: false });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: t.admin.id, action: 'retention.rules.update' },
      select: { detail: true },
    });
    expect(event.detail).toMatchObject({ recordType: 'case_closed', before: { months: 36, isDefault: true }, after: { months: 60 } });

    for (const input of [
      { recordType: 'case_closed', months: 0, legalReference: 'Synthetic law' },
      { recordType: 'case_closed', months: 121, legalReference: 'Synthetic law' },
      { recordType: 'case_closed', months: 12, legalReference: ' ' },
      { recordType: 'nothing', months: 12, legalReference: 'Synthetic law' },
    ]) {
      const bad = await failure(admin.retention.setRule(input as never), input);
      expect(bad.code).toBe('BAD_INPUT');
      expect(Object.keys(bad.fields ?? {})).toHaveLength(1);
    }
    expect((await admin.retention.rules()).find((r) => r.recordType === 'case_closed')).toMatchObject({ months: 60 });

    for (const user of [t.coordinator, t.socialWorker, t.practitioner, t.auditor]) {
      const { caller } = await callerFor(db, user, { clock: manualClock(RUN_AT) });
      expect(
        await failure(caller.retention.setRule({ recordType: 'case_closed', months: 1, legalReference: 'Synthetic law' })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(caller.retention.rules())).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await admin.retention.rules()).find((r) => r.recordType === 'case_closed')).toMatchObject({ months: 60 });
  });

  it('certificates: listed and printed for coordinator, auditor and admin of the town only', async () => {
    const s = await scene();
    // No hold here: the held case of the scene goes too.
    await runRetention(db, s.t.town.id, manualClock(RUN_AT));
    const cert = await db.deletionCertificate.findFirstOrThrow({
      where: { municipalityId: s.t.town.id, recordType: 'case_closed' },
      select: { id: true },
    });
    for (const user of [s.t.coordinator, s.t.auditor, s.t.admin]) {
      const { caller } = await callerFor(db, user, { clock: manualClock(RUN_AT) });
      expect((await caller.retention.certificates()).map((c) => c.id)).toContain(cert.id);
      const printed = await caller.retention.certificate({ id: cert.id });
      expect(printed).toMatchObject({ recordType: 'case_closed', counts: { cases: 2, referrals: 2, people: 2 } });
      expect(JSON.stringify(printed)).not.toMatch(/Rami|رامي|Sami|Synthetic summary/);
    }
    for (const user of [s.t.socialWorker, s.t.practitioner]) {
      const { caller } = await callerFor(db, user, { clock: manualClock(RUN_AT) });
      expect(await failure(caller.retention.certificate({ id: cert.id }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    const b = await makeTown(db);
    const { caller: elsewhere } = await callerFor(db, b.coordinator, { clock: manualClock(RUN_AT) });
    expect(await failure(elsewhere.retention.certificate({ id: cert.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await elsewhere.retention.certificates()).toEqual([]);
  });
});
