import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure, purposeIdOf } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { fullRatings, makeAssessor } from '../helpers/assessment-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { TIMELINE_KINDS, type TimelineKind } from '../../src/modules/cases/timeline-policy.js';
import type { CaseSection } from '../../src/generated/prisma/enums.js';

const { db } = await testDb();
const DAY = 86_400_000;
const SECRET = 'Synthetic secret of an unknown kind';

/**
 * A case with entries of every kind the code writes, each made by its own procedure, one entry of a
 * kind nobody wrote (inserted straight into the table), and seven readers: the coordinator, the key
 * worker, agency A's practitioner (summary and plan, disclosed to the agency by cases.disclose, so
 * their agency's interventions and the task assigned to them), and four readers with one section each.
 */
async function caseWithEveryKind() {
  const town = await makeTown(db);
  const m = town.town.id;
  const [agencyB, agencyC] = [await makeAgency(db, m), await makeAgency(db, m)];
  const c = await makeCase(db, town, { summary: 'Synthetic summary.' });
  const clock = manualClock();
  const { caller: coord } = await callerFor(db, town.coordinator, { clock });
  const practitionerOfC = () => makeUser(db, { municipalityId: m, role: 'agency_practitioner', agencyId: agencyC.id });
  const readers = {
    coordinator: town.coordinator,
    keyWorker: town.socialWorker,
    agencyA: town.practitioner,
    planOnly: await practitionerOfC(),
    summaryOnly: await practitionerOfC(),
    notesOnly: await makeUser(db, { municipalityId: m, role: 'social_worker' }),
    assessmentsOnly: await practitionerOfC(),
  };
  const only: [keyof typeof readers, CaseSection][] = [
    ['planOnly', 'plan'],
    ['summaryOnly', 'summary'],
    ['notesOnly', 'notes'],
    ['assessmentsOnly', 'assessments'],
  ];
  for (const [who, section] of only)
    await makeDisclosure(db, c, { userId: readers[who].id, sections: [section], createdById: town.coordinator.id });
  const spare = await makeDisclosure(db, c, { agencyId: agencyB.id, sections: ['summary'], createdById: town.coordinator.id });

  await coord.cases.updateSummary({ id: c.id, version: 1, summary: 'Synthetic summary, revised.' });
  await coord.cases.changeStage({ id: c.id, stage: 'assessment', reason: 'Synthetic reason to move on' });
  await coord.cases.recordReview({ caseId: c.id, note: 'Synthetic review note' });
  await coord.cases.assign({ id: c.id, leadAgencyId: town.agency.id });
  await coord.cases.assign({ id: c.id, leadAgencyId: agencyB.id });
  const expiresAt = new Date(clock().getTime() + 30 * DAY);
  await coord.cases.disclose({
    caseId: c.id,
    agencyId: town.agency.id,
    purposeId: await purposeIdOf(db, town.town.id),
    sections: ['summary', 'plan'],
    legalBasis: 'public_task',
    expiresAt,
  });
  await coord.cases.revokeDisclosure({ id: spare.id, reason: 'Synthetic revocation reason' });
  await coord.cases.addNote({ caseId: c.id, body: 'Synthetic standard note.' });
  const ofA = await coord.cases.addIntervention({
    caseId: c.id,
    type: 'mentoring',
    title: 'Synthetic mentoring',
    agencyId: town.agency.id,
  });
  const ofB = await coord.cases.addIntervention({ caseId: c.id, type: 'education', title: 'Synthetic tutoring', agencyId: agencyB.id });
  for (const i of [ofA, ofB]) await coord.cases.updateIntervention({ id: i.id, version: 1, status: 'active' });
  await makeAssessor(db, town.coordinator);
  await coord.assessments.create({ caseId: c.id, ratings: await fullRatings(db, m), overallJudgement: 'Synthetic judgement.' });
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
  const decided = await coord.meetings.decide({
    agendaItemId: meeting.itemFor(c),
    decision: 'adjust_plan',
    consensus: false,
    dissent: 'Synthetic dissent.',
    interventions: [
      { type: 'sport_youth', title: 'Synthetic football', agencyId: town.agency.id },
      { type: 'housing', title: 'Synthetic housing', agencyId: agencyB.id },
    ],
    tasks: [{ title: 'Synthetic call', assigneeId: town.practitioner.id }],
  });
  await (await callerFor(db, town.practitioner, { clock })).caller.work.completeTask({ id: decided.taskIds[0]! });
  // An onward referral to agency C, declined by its practitioner (issue 16): the plan's owners follow it.
  const onward = await coord.onward.send({ caseId: c.id, agencyId: agencyC.id, summary: 'Synthetic words for the receiving agency.' });
  await (await callerFor(db, readers.planOnly, { clock })).caller.onward.decline({ id: onward.id, reason: 'Synthetic reason to decline.' });
  await coord.cases.close({ id: c.id, closureReason: 'other', reason: 'Synthetic closing words', confirm: true });
  await coord.cases.reopen({ id: c.id, reason: 'Synthetic reopening reason' });
  await coord.consent.withdraw({ caseId: c.id, note: 'Synthetic consent note.' });
  const rescuer = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  await (await callerFor(db, rescuer, { clock })).caller.cases.breakGlass({
    caseId: c.id,
    sections: ['summary'],
    justification: 'Synthetic emergency: the key worker is away.',
  });
  // A colleague leaves: their task on the case goes to another (users.handover); the plan's owners see it.
  const leaver = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const task = await db.caseTask.create({
    data: {
      caseId: c.id,
      municipalityId: m,
      title: 'Synthetic visit',
      assigneeId: leaver.id,
      createdById: town.coordinator.id,
      createdAt: clock(),
    },
    select: { id: true },
  });
  const taker = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  await coord.users.handover({ userId: leaver.id, toUserId: taker.id, items: [{ kind: 'task', id: task.id }] });
  await db.caseEvent.create({
    data: { caseId: c.id, municipalityId: m, at: clock(), actorId: town.coordinator.id, kind: 'secret_kind', data: { text: SECRET } },
  });
  // A transfer step (modules/transfers writes it; its own tests run the whole transfer): header knowledge.
  await db.caseEvent.create({
    data: {
      caseId: c.id,
      municipalityId: m,
      at: clock(),
      actorId: town.coordinator.id,
      kind: 'city_transfer',
      data: { step: 'declined', transferId: c.id, city: 'Synthetic City' },
    },
  });

  const timelineOf = async (who: keyof typeof readers) =>
    (await (await callerFor(db, readers[who], { clock })).caller.cases.get({ id: c.id })).timeline;
  return { c, ofA, ofB, decided, meeting, timelineOf, readers };
}

type Reader = 'coordinator' | 'keyWorker' | 'agencyA' | 'planOnly' | 'summaryOnly' | 'notesOnly' | 'assessmentsOnly';
const EVERYONE: Reader[] = ['coordinator', 'keyWorker', 'agencyA', 'planOnly', 'summaryOnly', 'notesOnly', 'assessmentsOnly'];
const TEAM: Reader[] = ['coordinator', 'keyWorker'];

/** Who sees at least one entry of each kind; every other reader sees none. */
const SEEN_BY: Record<TimelineKind, Reader[]> = {
  opened: EVERYONE,
  stage: EVERYONE,
  close: EVERYONE,
  reopen: EVERYONE,
  review: EVERYONE,
  assign: EVERYONE,
  transfer: EVERYONE,
  city_transfer: EVERYONE,
  consent: EVERYONE,
  summary: [...TEAM, 'agencyA', 'summaryOnly'],
  disclose: TEAM,
  revoke: TEAM,
  note: [...TEAM, 'notesOnly'],
  intervention: [...TEAM, 'agencyA'],
  'intervention.update': [...TEAM, 'agencyA'],
  assessment: [...TEAM, 'assessmentsOnly'],
  'task.done': [...TEAM, 'agencyA'],
  panel_decision: [...TEAM, 'agencyA', 'planOnly'],
  break_glass: TEAM,
  handover: TEAM,
  onward: TEAM,
};

describe('the case timeline', () => {
  it('shows each kind only to the readers its rule names, and an unknown kind to nobody', async () => {
    expect(Object.keys(SEEN_BY).sort()).toEqual([...TIMELINE_KINDS].sort());
    const { timelineOf } = await caseWithEveryKind();
    for (const reader of EVERYONE) {
      const timeline = await timelineOf(reader);
      const kinds = [...new Set(timeline.map((e) => e.kind))].sort();
      const expected = TIMELINE_KINDS.filter((k) => SEEN_BY[k].includes(reader)).sort();
      expect(kinds, reader).toEqual(expected);
      expect(JSON.stringify(timeline), reader).not.toContain(SECRET);
    }
  });

  it('shows of each entry only the fields the reader may know', async () => {
    const { ofA, ofB, decided, meeting, timelineOf } = await caseWithEveryKind();
    const [ofDecisionA, ofDecisionB] = decided.interventionIds;
    const all = Object.fromEntries(await Promise.all(EVERYONE.map(async (r) => [r, await timelineOf(r)] as const)));
    const first = (r: Reader, kind: string) => all[r]!.find((e) => e.kind === kind)?.data;

    // The referral behind the case and the minuted reasons go with the summary.
    for (const r of EVERYONE) {
      const withSummary = !['planOnly', 'notesOnly', 'assessmentsOnly'].includes(r);
      expect('referralId' in first(r, 'opened')!, r).toBe(withSummary);
      expect(first(r, 'stage'), r).toEqual({
        from: 'intake',
        to: 'assessment',
        ...(withSummary ? { reason: 'Synthetic reason to move on' } : {}),
      });
    }
    // Consent: the disclosures it ended are the team's to know, its restricted note the note readers'.
    expect(Object.keys(first('coordinator', 'consent')!).sort()).toEqual(['consentIds', 'disclosureIds', 'noteId', 'revoked', 'withdrawn']);
    expect(first('keyWorker', 'consent')).toEqual(first('coordinator', 'consent'));
    for (const r of EVERYONE.filter((x) => !TEAM.includes(x))) expect(first(r, 'consent'), r).toEqual({ withdrawn: true });
    // Restricted notes (the consent note) only to the coordinator and the key worker.
    expect(all.coordinator!.filter((e) => e.kind === 'note').map((e) => e.data.sensitivity)).toEqual(['restricted', 'standard']);
    expect(all.notesOnly!.filter((e) => e.kind === 'note').map((e) => e.data.sensitivity)).toEqual(['standard']);

    // Another agency's intervention is not on a practitioner's timeline, nor in a decision's actions.
    const interventionsOf = (r: Reader) =>
      [...new Set(all[r]!.filter((e) => e.kind.startsWith('intervention')).map((e) => e.data.interventionId))].sort();
    expect(interventionsOf('coordinator')).toEqual([ofA.id, ofB.id, ofDecisionA, ofDecisionB].sort());
    expect(interventionsOf('agencyA')).toEqual([ofA.id, ofDecisionA].sort());
    const item = meeting.agenda[0]!.id;
    const decision = { decision: 'adjust_plan', consensus: false };
    expect(first('coordinator', 'panel_decision')).toEqual({
      ...decision,
      meetingId: meeting.id,
      agendaItemId: item,
      interventionIds: decided.interventionIds,
      taskIds: decided.taskIds,
    });
    // The key worker owns the plan (every task) but was not invited: the meeting is not named to them.
    expect(first('keyWorker', 'panel_decision')).toEqual({
      ...decision,
      interventionIds: decided.interventionIds,
      taskIds: decided.taskIds,
    });
    expect(first('agencyA', 'panel_decision')).toEqual({
      ...decision,
      meetingId: meeting.id,
      agendaItemId: item,
      interventionIds: [ofDecisionA],
      taskIds: decided.taskIds,
    });
    expect(first('planOnly', 'panel_decision')).toEqual({ ...decision, interventionIds: [], taskIds: [] });
  });
});
