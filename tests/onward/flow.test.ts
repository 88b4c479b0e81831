import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { openStored } from '../helpers/crypto.js';
import { ERASED_TEXT, shredRecordKeys } from '../../src/crypto/record-keys.js';
import { DECLINE, onwardScene, SUMMARY, trail } from './helpers.js';

const { db } = await testDb();
const NOW = new Date('2026-01-15T09:00:00Z');

describe('an onward referral from a case: sent, declined with a reason, re-sent, accepted, outcome', () => {
  it('follows every step on both sides; acceptance makes the disclosure and the intervention; all audited', async () => {
    const town = await makeTown(db);
    const { c, other, otherPractitioner, purposeId } = await onwardScene(db, town);
    const clock = manualClock();
    const keyWorker = (await callerFor(db, town.socialWorker, { clock })).caller;
    const coordinator = (await callerFor(db, town.coordinator, { clock })).caller;
    const sportClub = (await callerFor(db, otherPractitioner, { clock })).caller;
    const youthCentre = (await callerFor(db, town.practitioner, { clock })).caller;

    // 1. The key worker sends it to the sport club, with the name and birth year only.
    const sent = await keyWorker.onward.send({
      caseId: c.id,
      agencyId: other.id,
      summary: SUMMARY,
      shareName: true,
      shareBirthYear: true,
      intervention: { type: 'sport_youth', title: 'Football twice a week' },
    });
    expect(sent).toMatchObject({ status: 'sent', agency: { id: other.id }, summary: SUMMARY, sentAt: NOW, resendOfId: null });
    // Under the case's own key, bound to this row and field.
    const stored = await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id } });
    expect(stored.summary).toMatch(/^k1\./);
    expect(await openStored(db, `onward_referral.summary/${sent.id}`, stored.summary)).toBe(SUMMARY);
    await expect(openStored(db, `onward_referral.decline_reason/${sent.id}`, stored.summary)).rejects.toThrow();

    // The receiver sees the words and what was shared: no cohort, no case reference.
    const person = await db.person.findUniqueOrThrow({ where: { id: c.person.id }, select: { nameLatin: true, birthYear: true } });
    const inbox = await sportClub.onward.inbox({});
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      id: sent.id,
      status: 'sent',
      summary: SUMMARY,
      person: { nameLatin: person.nameLatin, birthYear: person.birthYear, cohort: null },
      offers: { sections: [], intervention: 'sport_youth' },
    });
    expect(JSON.stringify(inbox)).not.toContain(c.reference);
    expect((await youthCentre.onward.inbox({})).items).toEqual([]);

    // 2. The sport club declines, with its reason.
    clock.advance(60_000);
    expect(await sportClub.onward.decline({ id: sent.id, reason: DECLINE })).toMatchObject({ status: 'declined', declineReason: DECLINE });
    expect((await sportClub.onward.inbox({})).items).toEqual([]);
    expect((await sportClub.onward.inbox({ answered: true })).items.map((i) => i.id)).toEqual([sent.id]);

    // 3. The coordinator sends it again, to the youth centre, proposing a disclosure of the plan.
    clock.advance(60_000);
    const again = await coordinator.onward.resend({
      id: sent.id,
      agencyId: town.agency.id,
      summary: SUMMARY,
      shareName: true,
      shareCohort: true,
      disclosure: { sections: ['summary', 'plan'], purposeId, legalBasis: 'public_task', days: 90 },
      intervention: { type: 'mentoring', title: 'Weekly mentoring at the youth centre' },
    });
    expect(again).toMatchObject({ status: 'sent', resendOfId: sent.id, agency: { id: town.agency.id } });
    // Before acceptance the youth centre sees nothing of the case itself.
    await expect(youthCentre.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // 4. The youth centre accepts: the disclosure and the intervention are made in the same step.
    clock.advance(60_000);
    const accepted = await youthCentre.onward.accept({ id: again.id });
    expect(accepted).toMatchObject({ status: 'accepted', answeredBy: { id: town.practitioner.id } });
    const made = await db.onwardReferral.findUniqueOrThrow({
      where: { id: again.id },
      select: { disclosureId: true, interventionId: true },
    });
    const disclosure = await db.disclosure.findUniqueOrThrow({ where: { id: made.disclosureId! } });
    expect(disclosure).toMatchObject({
      caseId: c.id,
      agencyId: town.agency.id,
      sections: ['summary', 'plan'],
      legalBasis: 'public_task',
      purposeId,
      createdById: town.coordinator.id,
      expiresAt: new Date(clock().getTime() + 90 * 86_400_000),
    });
    const intervention = await db.intervention.findUniqueOrThrow({ where: { id: made.interventionId! } });
    expect(intervention).toMatchObject({ caseId: c.id, type: 'mentoring', agencyId: town.agency.id, assigneeId: town.practitioner.id });
    // Now the practitioner reaches the disclosed sections of the case, and their intervention.
    expect(await youthCentre.cases.get({ id: c.id })).toMatchObject({ id: c.id });

    // 5. The outcome.
    clock.advance(60_000);
    expect(await youthCentre.onward.recordOutcome({ id: again.id, outcome: 'engaged', note: 'Comes every week.' })).toMatchObject({
      status: 'completed',
      outcome: 'engaged',
      outcomeNote: 'Comes every week.',
    });

    // The sender side sees both, linked, each step with who and when.
    for (const caller of [keyWorker, coordinator]) {
      const mine = await caller.onward.forCase({ caseId: c.id });
      expect(mine.items.map((i) => [i.id, i.status, i.agency.id, i.resendOfId, i.resentAsId])).toEqual([
        [sent.id, 'declined', other.id, null, again.id],
        [again.id, 'completed', town.agency.id, sent.id, null],
      ]);
      expect(mine.items[0]).toMatchObject({ declineReason: DECLINE, answeredBy: { id: otherPractitioner.id } });
      expect(mine.items[1]).toMatchObject({ outcome: 'engaged', disclosureId: made.disclosureId, interventionId: made.interventionId });
    }
    expect((await keyWorker.onward.forCase({ caseId: c.id })).mayDisclose).toBe(false);
    expect((await coordinator.onward.forCase({ caseId: c.id })).mayDisclose).toBe(true);

    // The case's timeline carries each step.
    const steps = await db.caseEvent.findMany({ where: { caseId: c.id, kind: 'onward' }, orderBy: { id: 'asc' }, select: { data: true } });
    expect(steps.map((s) => (s.data as { step: string }).step)).toEqual(['sent', 'declined', 'sent', 'accepted', 'outcome']);
    const page = await coordinator.cases.get({ id: c.id });
    expect(page.timeline.filter((e: { kind: string }) => e.kind === 'onward').length).toBe(5);
    expect(JSON.stringify(steps)).not.toContain('places');

    // Audited: each call under its action, the disclosure and intervention as steps of the acceptance.
    expect(await trail(db, sent.id)).toEqual([
      [otherPractitioner.id, 'onward.decline', 'allowed'],
      [town.coordinator.id, 'onward.resend', 'allowed'],
    ]);
    expect(await trail(db, again.id)).toEqual([
      [town.practitioner.id, 'onward.accept', 'allowed'],
      [town.practitioner.id, 'onward.outcome', 'allowed'],
    ]);
    const onCase = await trail(db, c.id);
    expect(onCase).toEqual(
      expect.arrayContaining([
        [town.socialWorker.id, 'onward.send', 'allowed'],
        [town.practitioner.id, 'case.disclose', 'allowed'],
        [town.practitioner.id, 'case.intervention.create', 'allowed'],
      ]),
    );
    const step = await db.auditEvent.findFirstOrThrow({ where: { action: 'case.disclose', entityId: c.id }, select: { detail: true } });
    expect(step.detail).toMatchObject({ onBehalfOf: town.coordinator.id, onwardId: again.id });
  });
});

describe('signposting a screened referral is a tracked onward referral', () => {
  it('the agency answers it; the referral keeps where it went; the coordinator follows it', async () => {
    const town = await makeTown(db);
    const r = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker });
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const practitioner = (await callerFor(db, town.practitioner)).caller;
    const screened = await coordinator.referrals.screen({
      id: r.id,
      decision: 'signpost',
      agencyId: town.agency.id,
      summary: 'Looking for work; please offer your employment programme.',
      shareName: true,
      reason: 'Needs employment support, no sign of risk.',
    });
    expect(screened).toMatchObject({ status: 'signposted', case: null });
    const agency = await db.agency.findUniqueOrThrow({ where: { id: town.agency.id }, select: { name: true } });
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id }, select: { signpostTo: true, status: true } })).toEqual({
      signpostTo: agency.name,
      status: 'signposted',
    });
    const [item] = (await practitioner.onward.inbox({})).items;
    expect(item).toMatchObject({ status: 'sent', summary: 'Looking for work; please offer your employment programme.' });
    await practitioner.onward.accept({ id: item!.id });
    expect((await coordinator.onward.forReferral({ referralId: r.id })).items).toMatchObject([
      { id: item!.id, status: 'accepted', caseId: null, referralId: r.id, agency: { id: town.agency.id } },
    ]);
    // Older signposts keep their free text, readable as before.
    const old = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, status: 'signposted' });
    expect(await coordinator.referrals.get({ id: old.id })).toMatchObject({ decision: { signpostTo: 'Youth centre' } });
    expect((await coordinator.onward.forReferral({ referralId: old.id })).items).toEqual([]);
  });
});

describe("an onward referral's words go with its case", () => {
  it('erasing the case (its record key destroyed) leaves them unreadable to everyone', async () => {
    const town = await makeTown(db);
    const { c } = await onwardScene(db, town);
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const sent = await coordinator.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: SUMMARY });
    await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'case', id: c.id }));
    expect((await coordinator.onward.forCase({ caseId: c.id })).items.map((i) => i.summary)).toEqual([ERASED_TEXT]);
    const [item] = (await (await callerFor(db, town.practitioner)).caller.onward.inbox({})).items;
    expect(item).toMatchObject({ id: sent.id, summary: ERASED_TEXT });
  });
});
