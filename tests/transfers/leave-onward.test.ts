import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeUser } from '../helpers/factories.js';
import { failure } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';
import { verifyChain } from '../../src/audit/verify.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
import { withFailingWrites } from '../helpers/faults.js';
import { transferScene, type Scene, proposeWithConsent } from './helpers.js';

const { db, owner } = await testDb();

const DAY = 24 * 3600 * 1000;
const SUMMARY = 'Synthetic: the son wants to join the football club, the mother agrees to a call.';
const REASON = 'Synthetic reason: no places left this term, ask again in spring.';
const WHY = 'Synthetic emergency: the key worker is away and the family asked for help tonight.';

/**
 * A's case as a transfer finds it, beside the plain work of leave.test.ts: an onward referral to A's
 * partner agency still waiting for an answer (with the agency's and the sender's overdue reminders), one
 * the partner accepted (its disclosure and intervention made), one declined; and a live break-glass of
 * a social worker who is not on the case.
 */
async function onwardCase(s: Scene) {
  const purpose = await db.disclosurePurpose.findFirstOrThrow({
    where: { municipalityId: s.A.town.id, code: 'support_services' },
    select: { id: true },
  });
  const partner = (await callerFor(db, s.A.practitioner)).caller;
  const send = (extra: object = {}) =>
    s.a.onward.send({ caseId: s.c.id, agencyId: s.A.agency.id, summary: SUMMARY, shareName: true, ...extra });
  const waiting = await send();
  const accepted = await send({
    intervention: { type: 'sport_youth', title: 'Synthetic football twice a week' },
    disclosure: { sections: ['plan'], purposeId: purpose.id, legalBasis: 'public_task', days: 30 },
  });
  await partner.onward.accept({ id: accepted.id });
  const declined = await send();
  await partner.onward.decline({ id: declined.id, reason: REASON });
  const overdue = (userId: string, caseId: string | null) =>
    db.reminder.create({
      data: {
        municipalityId: s.A.town.id,
        userId,
        kind: 'onward_unanswered',
        entityType: 'OnwardReferral',
        entityId: waiting.id,
        caseId,
        dueAt: new Date('2026-01-05'),
        createdAt: new Date(),
      },
    });
  const reminders = [await overdue(s.A.practitioner.id, null), await overdue(s.A.coordinator.id, s.c.id)];
  const rescuerUser = await makeUser(db, { municipalityId: s.A.town.id, role: 'social_worker' });
  const rescuer = (await callerFor(db, rescuerUser)).caller;
  const grant = await rescuer.cases.breakGlass({ caseId: s.c.id, sections: ['summary', 'notes'], justification: WHY });
  const proposal = await proposeWithConsent(s, ['summary', 'plan']);
  return { partner, waiting, accepted, declined, reminders, rescuer, rescuerUser, grant, proposal };
}

const rowOf = (id: string) => db.onwardReferral.findUniqueOrThrow({ where: { id } });
const inboxIds = async (partner: Awaited<ReturnType<typeof onwardCase>>['partner']) =>
  [...(await partner.onward.inbox({ answered: false })).items, ...(await partner.onward.inbox({ answered: true })).items].map((i) => i.id);

describe('an accepted transfer and the onward referrals and emergency access of the sending case', () => {
  it('withdraws the unanswered onward referral and ends the live break-glass, audited on A’s chain and timeline', async () => {
    const s = await transferScene(db);
    const w = await onwardCase(s);
    // Before: the partner has the three in its inbox; the rescuer reads the case.
    expect(new Set(await inboxIds(w.partner))).toEqual(new Set([w.waiting.id, w.accepted.id, w.declined.id]));
    expect((await w.rescuer.cases.get({ id: s.c.id })).id).toBe(s.c.id);
    const acceptedBefore = await rowOf(w.accepted.id);
    const declinedBefore = await rowOf(w.declined.id);

    await s.b.transfers.accept({ id: w.proposal.id, personId: null });

    // The waiting one is withdrawn, when and why; the answered ones are left as they were.
    const withdrawn = await rowOf(w.waiting.id);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: 'transferred', answeredAt: null, answeredById: null });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(await rowOf(w.accepted.id)).toEqual(acceptedBefore);
    expect(await rowOf(w.declined.id)).toEqual(declinedBefore);

    // Gone from the partner's inbox (to answer and answered); the accepted one stays theirs to finish.
    expect(new Set(await inboxIds(w.partner))).toEqual(new Set([w.accepted.id, w.declined.id]));
    const work = JSON.stringify(await w.partner.work.mine());
    expect(work).not.toContain(w.waiting.id);

    // Answering it is refused with its own code, audited as denied, and changes nothing.
    const disclosures = await db.disclosure.count({ where: { caseId: s.c.id } });
    const interventions = await db.intervention.count({ where: { caseId: s.c.id } });
    for (const answer of [
      () => w.partner.onward.accept({ id: w.waiting.id }),
      () => w.partner.onward.decline({ id: w.waiting.id, reason: REASON }),
      () => w.partner.onward.recordOutcome({ id: w.waiting.id, outcome: 'engaged' }),
    ])
      expect(await failure(answer())).toMatchObject({ code: 'ONWARD_WITHDRAWN' });
    expect(await rowOf(w.waiting.id)).toEqual(withdrawn);
    expect(await db.disclosure.count({ where: { caseId: s.c.id } })).toBe(disclosures);
    expect(await db.intervention.count({ where: { caseId: s.c.id } })).toBe(interventions);
    // A state, not a denial (like ALREADY_ANSWERED): nothing of the three is audited as done.
    const done = await db.auditEvent.count({
      where: {
        entityId: w.waiting.id,
        actorId: s.A.practitioner.id,
        outcome: 'allowed',
        action: { in: ['onward.decline', 'onward.outcome'] },
      },
    });
    expect(done).toBe(0);
    // Another agency's practitioner learns nothing of it: NOT_FOUND, as before the transfer.
    const otherAgency = await makeAgency(db, s.A.town.id);
    const stranger = (
      await callerFor(db, await makeUser(db, { municipalityId: s.A.town.id, role: 'agency_practitioner', agencyId: otherAgency.id }))
    ).caller;
    expect((await failure(stranger.onward.accept({ id: w.waiting.id }))).code).toBe('NOT_FOUND');

    // The accepted one: what its acceptance made ended with the case (disclosure revoked, intervention
    // cancelled), the case is out of the partner's reach, and they may still record how it ended.
    expect((await db.disclosure.findUniqueOrThrow({ where: { id: acceptedBefore.disclosureId! } })).revokeReason).toBe('transferred');
    expect((await db.intervention.findUniqueOrThrow({ where: { id: acceptedBefore.interventionId! } })).status).toBe('cancelled');
    expect((await failure(w.partner.cases.get({ id: s.c.id }))).code).toBe('NOT_FOUND');
    await w.partner.onward.recordOutcome({ id: w.accepted.id, outcome: 'did_not_engage' });
    expect(await rowOf(w.accepted.id)).toMatchObject({ status: 'completed', outcome: 'did_not_engage' });

    // Its reminders (the agency's, which name no case, and the sender's) are resolved; no sweep raises another.
    for (const r of w.reminders) expect((await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).dismissedAt).not.toBeNull();
    await db.municipality.update({ where: { id: s.A.town.id }, data: { onwardAnswerDays: 1 } });
    await sweepMunicipality(db, s.A.town.id, () => new Date(Date.now() + 40 * DAY));
    expect(await db.reminder.count({ where: { entityId: w.waiting.id, dismissedAt: null } })).toBe(0);

    // The sender's case page shows it withdrawn, with when and why.
    const page = await s.a.onward.forCase({ caseId: s.c.id });
    expect(page.items.find((o) => o.id === w.waiting.id)).toMatchObject({
      status: 'withdrawn',
      withdrawReason: 'transferred',
      withdrawnAt: withdrawn.withdrawnAt,
      summary: SUMMARY,
    });

    // The break-glass ended now: the rescuer reads nothing of the case any more, and has no banner.
    const grant = await db.breakGlass.findUniqueOrThrow({ where: { id: w.grant.id } });
    expect(grant.endedAt).not.toBeNull();
    expect(grant.expiresAt).toEqual(w.grant.expiresAt);
    expect((await failure(w.rescuer.cases.get({ id: s.c.id }))).code).toBe('NOT_FOUND');
    expect((await failure(w.rescuer.cases.notes({ caseId: s.c.id }))).code).toBe('NOT_FOUND');
    expect(await w.rescuer.cases.emergencyAccess()).toEqual([]);
    // Nor can emergency access be asked for again: the case lives in the other city now (said plainly, audited).
    const grants = await db.breakGlass.count({ where: { caseId: s.c.id } });
    const again = await failure(w.rescuer.cases.breakGlass({ caseId: s.c.id, sections: ['summary'], justification: WHY }));
    expect(again).toMatchObject({ code: 'FORBIDDEN', fields: { caseId: 'BREAK_GLASS_TRANSFERRED' } });
    expect(await db.breakGlass.count({ where: { caseId: s.c.id } })).toBe(grants);
    expect(
      await db.auditEvent.count({ where: { actorId: w.rescuerUser.id, action: 'case.breakGlass', outcome: 'denied', entityId: s.c.id } }),
    ).toBe(1);

    // A's timeline: the withdrawal (and, to the coordinator, the grant's end on its break-glass entry).
    const events = await db.caseEvent.findMany({ where: { caseId: s.c.id, kind: 'onward' }, orderBy: { id: 'asc' } });
    expect(events.filter((e) => (e.data as { step?: string }).step === 'withdrawn').map((e) => [e.actorId, e.data])).toEqual([
      [s.B.coordinator.id, { step: 'withdrawn', onwardId: w.waiting.id, agencyId: s.A.agency.id, ended: 'transferred' }],
    ]);
    const timeline = (await s.a.cases.get({ id: s.c.id })).timeline;
    expect(timeline.find((e) => e.kind === 'onward' && e.data.step === 'withdrawn')?.data).toMatchObject({ onwardId: w.waiting.id });
    expect(timeline.find((e) => e.kind === 'break_glass')?.data).toMatchObject({ endedAt: grant.endedAt!.toISOString() });

    // Audited on A's chain, by B's coordinator acting from B; nothing of it on B's chain; both chains verify.
    const audited = await db.auditEvent.findMany({
      where: { entityId: { in: [w.waiting.id, w.grant.id] }, actorId: s.B.coordinator.id },
      select: { action: true, chain: true, entityType: true, entityId: true, outcome: true, detail: true },
      orderBy: { id: 'asc' },
    });
    expect(audited.map((e) => [e.action, e.entityType, e.entityId, e.chain, e.outcome])).toEqual([
      ['onward.withdraw', 'OnwardReferral', w.waiting.id, s.A.town.id, 'allowed'],
      ['case.breakGlass.end', 'BreakGlass', w.grant.id, s.A.town.id, 'allowed'],
    ]);
    const acting = { caseId: s.c.id, transferId: w.proposal.id, actingMunicipalityId: s.B.town.id, ended: 'transferred' };
    expect(audited[0]!.detail).toMatchObject({ ...acting, onwardId: w.waiting.id, agencyId: s.A.agency.id });
    expect(audited[1]!.detail).toMatchObject({
      ...acting,
      userId: w.rescuerUser.id,
      endedAt: grant.endedAt!.toISOString(),
      expiresAt: grant.expiresAt.toISOString(),
    });
    expect(JSON.stringify(audited)).not.toContain(WHY);
    const accept = await db.auditEvent.findFirstOrThrow({ where: { entityId: w.proposal.id, action: 'transfer.outgoing.accepted' } });
    expect(accept.detail).toMatchObject({ onwardWithdrawn: 1, grantsEnded: 1 });
    for (const town of [s.A, s.B]) expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
    const inB = JSON.stringify(await db.auditEvent.findMany({ where: { chain: s.B.town.id }, select: { detail: true, entityId: true } }));
    for (const id of [w.waiting.id, w.grant.id]) expect(inB).not.toContain(id);
  });

  it('a failure after the withdrawal and the grant’s end rolls the whole acceptance back', async () => {
    const s = await transferScene(db);
    const w = await onwardCase(s);
    const waitingBefore = await rowOf(w.waiting.id);
    const eventsOf = () =>
      db.auditEvent.count({ where: { entityId: { in: [w.waiting.id, w.grant.id, w.proposal.id] }, actorId: s.B.coordinator.id } });
    const before = await eventsOf();
    // As the owner could: make the last step (resolving the reminders) fail, after every other one ran.
    await withFailingWrites(owner, { op: 'UPDATE', table: 'reminder', column: 'entity_id', value: w.waiting.id }, async () =>
      expect((await failure(s.b.transfers.accept({ id: w.proposal.id, personId: null }))).code).toBe('INTERNAL'),
    );
    // Nothing stayed: the referral waits in the partner's inbox, the rescuer still reads the case, the reminders are open.
    expect(await rowOf(w.waiting.id)).toEqual(waitingBefore);
    expect(await inboxIds(w.partner)).toContain(w.waiting.id);
    expect(await db.breakGlass.findUniqueOrThrow({ where: { id: w.grant.id } })).toMatchObject({ endedAt: null });
    expect((await w.rescuer.cases.get({ id: s.c.id })).id).toBe(s.c.id);
    for (const r of w.reminders) expect(await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ dismissedAt: null });
    expect(await db.caseEvent.count({ where: { caseId: s.c.id, actorId: s.B.coordinator.id } })).toBe(0);
    expect(await db.caseTransfer.findUniqueOrThrow({ where: { id: w.proposal.id } })).toMatchObject({ status: 'proposed' });
    expect(await eventsOf()).toBe(before);
    // With the fault gone, the same acceptance goes through, and the partner's answer now is refused.
    await s.b.transfers.accept({ id: w.proposal.id, personId: null });
    expect((await rowOf(w.waiting.id)).status).toBe('withdrawn');
    expect((await failure(w.partner.onward.decline({ id: w.waiting.id, reason: REASON }))).code).toBe('ONWARD_WITHDRAWN');
    expect((await failure(w.rescuer.cases.get({ id: s.c.id }))).code).toBe('NOT_FOUND');
    for (const town of [s.A, s.B]) expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
  });
});
