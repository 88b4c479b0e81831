import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure } from '../helpers/case-factories.js';
import { SUMMARY, onwardScene } from './helpers.js';
import { manualClock } from '../../src/lib/clock.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
import { anonymiseCases } from '../../src/modules/retention/anonymise.js';

const { db } = await testDb();

describe('an onward referral whose case was closed before the agency answered', () => {
  it('cannot be accepted: nothing is disclosed, no intervention is made on the closed case, it stays unanswered', async () => {
    const town = await makeTown(db);
    const { c, purposeId } = await onwardScene(db, town);
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const sent = await coordinator.onward.send({
      caseId: c.id,
      agencyId: town.agency.id,
      summary: SUMMARY,
      intervention: { type: 'sport_youth', title: 'Football twice a week' },
      disclosure: { sections: ['plan'], purposeId, legalBasis: 'public_task', days: 30 },
    });
    // Closed after it was sent (sending to a closed case is refused; answering must be too).
    for (const stage of ['closed', 'follow_up'] as const) {
      await db.case.update({ where: { id: c.id }, data: { stage, closedAt: new Date('2026-01-10T09:00:00Z') } });
      const practitioner = (await callerFor(db, town.practitioner)).caller;
      const refused = await failure(practitioner.onward.accept({ id: sent.id }));
      expect(refused, stage).toMatchObject({ code: 'INVALID_TRANSITION', fields: { id: 'case_closed' } });
      expect(await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
        status: 'sent',
        answeredAt: null,
        disclosureId: null,
        interventionId: null,
      });
      expect(await db.disclosure.count({ where: { caseId: c.id } })).toBe(0);
      expect(await db.intervention.count({ where: { caseId: c.id } })).toBe(0);
    }
  });
});

describe('an unanswered onward referral whose case closed, or was anonymised', () => {
  it('asks nobody to answer or chase it any more', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    await db.municipality.update({ where: { id: m }, data: { onwardAnswerDays: 1 } });
    const { c } = await onwardScene(db, town);
    const other = await onwardScene(db, town);
    const clock = manualClock(new Date('2026-01-15T09:00:00Z'));
    const coordinator = (await callerFor(db, town.coordinator, { clock })).caller;
    const closed = await coordinator.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: SUMMARY });
    const live = await coordinator.onward.send({ caseId: other.c.id, agencyId: town.agency.id, summary: SUMMARY });
    await db.case.update({ where: { id: c.id }, data: { stage: 'closed', closedAt: new Date('2026-01-16T09:00:00Z') } });
    const reminded = () =>
      db.reminder.findMany({
        where: { kind: 'onward_unanswered', dismissedAt: null, entityId: { in: [closed.id, live.id] } },
        select: { entityId: true },
      });
    clock.set(new Date('2026-02-10T09:00:00Z'));
    await sweepMunicipality(db, m, clock);
    const ids = (await reminded()).map((r) => r.entityId);
    // The open case's is reminded (the practitioner and the sender); the closed case's is not.
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(closed.id);
    await db.$transaction((tx) => anonymiseCases(tx, m, [c.id], 'case_closed', new Date('2026-02-10T09:00:00Z')));
    await sweepMunicipality(db, m, clock);
    expect((await reminded()).map((r) => r.entityId)).not.toContain(closed.id);
  });
});

describe('an onward referral to a police liaison', () => {
  it('is refused (no legal basis can be given: the person’s words and name would reach the police on none), nothing is written', async () => {
    const town = await makeTown(db);
    const { c } = await onwardScene(db, town);
    const police = await makeAgency(db, town.town.id, { kind: 'police_liaison' });
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    // Not offered in the directory either.
    expect((await coordinator.onward.forCase({ caseId: c.id })).agencies.map((a) => a.id)).not.toContain(police.id);
    const refused = await failure(coordinator.onward.send({ caseId: c.id, agencyId: police.id, summary: SUMMARY, shareName: true }));
    expect(refused).toMatchObject({ code: 'PURPOSE_BANNED', fields: { agencyId: 'police_no_onward' } });
    expect(await db.onwardReferral.count({ where: { caseId: c.id } })).toBe(0);
    const denied = await db.auditEvent.findFirst({
      where: { actorId: town.coordinator.id, action: 'onward.send' },
      select: { outcome: true },
    });
    expect(denied).toMatchObject({ outcome: 'denied' });
  });
});

describe('an onward referral whose case was anonymised', () => {
  it('leaves the agency’s list of referrals to answer, and an answer says the record is anonymised, changing nothing', async () => {
    const town = await makeTown(db);
    const { c } = await onwardScene(db, town);
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const sent = await coordinator.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: SUMMARY });
    await db.case.update({ where: { id: c.id }, data: { stage: 'closed', closedAt: new Date('2026-01-10T09:00:00Z') } });
    await db.$transaction((tx) => anonymiseCases(tx, town.town.id, [c.id], 'case_closed', new Date('2026-01-12T09:00:00Z')));
    const practitioner = (await callerFor(db, town.practitioner)).caller;
    expect((await practitioner.onward.inbox({})).items.map((i) => i.id)).not.toContain(sent.id);
    const refused = await failure(practitioner.onward.decline({ id: sent.id, reason: 'No places left this term at all.' }));
    expect(refused.code).toBe('CASE_ANONYMISED');
    expect(await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id }, select: { status: true } })).toEqual({ status: 'sent' });
  });
});
