import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { sweepAt } from '../helpers/work-factories.js';

const { db } = await testDb();

async function setting(scheduledAt?: Date) {
  const town = await makeTown(db);
  const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, stage: 'intake' });
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], scheduledAt });
  const { caller, clock } = await callerFor(db, town.coordinator);
  return { town, c, meeting, item: meeting.itemFor(c), caller, clock };
}

const closureReminders = (caseId: string) =>
  db.reminder.findMany({ where: { caseId, kind: 'panel_closure' }, select: { userId: true, dismissedAt: true, entityId: true } });

describe('a panel decision to close a case', () => {
  it('puts the closure in front of every coordinator: a reminder, and the case page offers the close form', async () => {
    const { town, c, item, caller } = await setting();
    const second = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator' });
    expect((await caller.cases.get({ id: c.id })).panelClosure).toBeNull();
    await caller.meetings.decide({ agendaItemId: item, decision: 'close', consensus: true });

    const reminders = await closureReminders(c.id);
    expect(reminders.map((r) => r.userId).sort()).toEqual([town.coordinator.id, second.id].sort());
    expect(reminders.every((r) => r.entityId === item && r.dismissedAt === null)).toBe(true);
    const page = await caller.cases.get({ id: c.id });
    expect(page.stage).toBe('intake');
    expect(page.panelClosure).toMatchObject({ agendaItemId: item, meeting: { title: 'Synthetic panel meeting' } });
    const work = await caller.work.mine();
    expect(work.now.some((w) => w.kind === 'panel_closure' && w.case?.id === c.id)).toBe(true);
    // Nobody else is asked to close it: the key worker sees no prompt.
    const { caller: keyWorker } = await callerFor(db, town.socialWorker);
    expect((await keyWorker.cases.get({ id: c.id })).panelClosure).toBeNull();

    // It is no due item: the reminder sweep leaves it (it is not among what the sweep finds due).
    await sweepAt(db, town.town.id, new Date('2026-01-16T09:00:00Z'));
    expect((await closureReminders(c.id)).every((r) => r.dismissedAt === null)).toBe(true);

    // Closing the case answers the prompt, for every coordinator.
    await caller.cases.close({ id: c.id, closureReason: 'risk_removed', reason: 'Closed on the panel decision.', confirm: true });
    expect((await closureReminders(c.id)).every((r) => r.dismissedAt !== null)).toBe(true);
    expect((await caller.cases.get({ id: c.id })).panelClosure).toBeNull();
  });

  it('withdraws the prompt when the panel changes its decision, and asks nothing for other decisions', async () => {
    const { c, item, caller } = await setting();
    await caller.meetings.decide({ agendaItemId: item, decision: 'continue', consensus: true });
    expect(await closureReminders(c.id)).toEqual([]);
    await caller.meetings.decide({ agendaItemId: item, decision: 'close', consensus: true });
    expect(await closureReminders(c.id)).toHaveLength(1);
    await caller.meetings.decide({ agendaItemId: item, decision: 'adjust_plan', consensus: true });
    expect((await closureReminders(c.id)).every((r) => r.dismissedAt !== null)).toBe(true);
    expect((await caller.cases.get({ id: c.id })).panelClosure).toBeNull();
  });
});

describe('a meeting dated in the future', () => {
  /** Ten minutes after the test clock starts (manualClock: 2026-01-15T09:00Z), so the session stays alive. */
  const FUTURE = new Date('2026-01-15T09:10:00Z');

  it('cannot be marked held: attendance, minutes and decisions are refused and change nothing', async () => {
    const { c, meeting, item, caller, clock } = await setting(FUTURE);
    const invitee = meeting.invitees[0]!.id;
    const before = await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } });
    const attendance = { id: meeting.id, attendance: [{ inviteeId: invitee, attended: true }] };
    expect((await failure(caller.meetings.recordAttendance(attendance))).code).toBe('MEETING_NOT_YET');
    expect((await failure(caller.meetings.addMinute({ meetingId: meeting.id, body: 'Synthetic early minute.' }))).code).toBe(
      'MEETING_NOT_YET',
    );
    expect((await failure(caller.meetings.decide({ agendaItemId: item, decision: 'close', consensus: true }))).code).toBe(
      'MEETING_NOT_YET',
    );
    expect(await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } })).toEqual(before);
    expect(await db.meetingInvitee.findUniqueOrThrow({ where: { id: invitee }, select: { attended: true } })).toEqual({ attended: null });
    expect(await db.meetingMinute.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item }, select: { decision: true } })).toEqual({ decision: null });
    expect(await closureReminders(c.id)).toEqual([]);

    // A minute before its time: still refused. At its time: recorded, and the meeting is held.
    clock.set(new Date(FUTURE.getTime() - 60_000));
    expect((await failure(caller.meetings.recordAttendance(attendance))).code).toBe('MEETING_NOT_YET');
    clock.set(FUTURE);
    await caller.meetings.recordAttendance(attendance);
    expect(await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } })).toEqual({ status: 'held' });
  });

  it('uses the server clock, not the municipality’s calendar day: later the same day is still the future', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'intake' });
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], scheduledAt: new Date('2026-01-15T15:00:00Z') });
    const { caller } = await callerFor(db, town.coordinator, { clock: manualClock(new Date('2026-01-15T09:00:00Z')) });
    expect((await failure(caller.meetings.addMinute({ meetingId: meeting.id, body: 'Synthetic minute.' }))).code).toBe('MEETING_NOT_YET');
  });
});
