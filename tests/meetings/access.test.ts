import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { MEETING_AT, makeMeeting, makeMinute } from '../helpers/meeting-factories.js';

const { db } = await testDb();

type Who = { id: string; municipalityId: string };
type Caller = Awaited<ReturnType<typeof callerFor>>['caller'];

/** A town with a case on the agenda of a meeting to which the town's agency and social worker are invited. */
async function setting() {
  const town = await makeTown(db);
  const c = await makeCase(db, town);
  await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary'], createdById: town.coordinator.id });
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], userIds: [town.socialWorker.id] });
  const elsewhere = await makeTown(db);
  return { town, c, meeting, elsewhere };
}

/** Each user's call is refused with `code`, and the refusal is in the audit log as denied under `action`. */
async function refusedAll(action: string, users: [Who, string][], call: (caller: Caller) => Promise<unknown>) {
  for (const [user, code] of users) {
    const { caller } = await callerFor(db, user);
    await expect(call(caller), `${action} ${code}`).rejects.toMatchObject({ code });
    expect(await auditCount(db, user.id, action, 'denied'), action).toBe(1);
  }
}

describe('meetings.schedule', () => {
  const input = (caseIds: string[], agencyIds: string[], userIds: string[] = []) => ({
    title: 'Monthly prevention panel',
    scheduledAt: MEETING_AT,
    location: 'Town hall',
    caseIds,
    agencyIds,
    userIds,
  });

  it('lets the coordinator schedule with an agenda and invitees of the municipality, audited with ids', async () => {
    const town = await makeTown(db);
    const [a, b] = [await makeCase(db, town), await makeCase(db, town)];
    const { caller } = await callerFor(db, town.coordinator);
    const { id } = await caller.meetings.schedule(input([b.id, a.id], [town.agency.id], [town.socialWorker.id]));
    const meeting = await caller.meetings.get({ id });
    expect(meeting).toMatchObject({
      title: 'Monthly prevention panel',
      status: 'scheduled',
      location: 'Town hall',
      may: { update: true, decide: true },
    });
    expect(meeting.agenda.map((i) => i.case.id)).toEqual([b.id, a.id]);
    expect(meeting.invitees).toHaveLength(2);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'meeting.schedule' },
      select: { entityId: true, detail: true },
    });
    expect(event).toMatchObject({
      entityId: id,
      detail: { caseIds: [b.id, a.id], agencyIds: [town.agency.id], userIds: [town.socialWorker.id] },
    });
  });

  it('refuses every other role, audited as denied', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const users: [Who, string][] = [town.socialWorker, town.practitioner, town.auditor, town.admin].map((u) => [u, 'FORBIDDEN']);
    await refusedAll('meeting.schedule', users, (caller) => caller.meetings.schedule(input([c.id], [town.agency.id])));
    expect(await db.panelMeeting.count({ where: { municipalityId: town.town.id } })).toBe(0);
  });

  it("refuses another municipality's case, agency or user, and inactive agencies, at the field", async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const elsewhere = await makeTown(db);
    const theirs = await makeCase(db, elsewhere);
    const inactive = await makeAgency(db, town.town.id, { active: false });
    const { caller } = await callerFor(db, town.coordinator);
    const refused = async (i: ReturnType<typeof input>, fields: Record<string, string>) =>
      expect(await failure(caller.meetings.schedule(i), i)).toMatchObject({ code: 'NOT_FOUND', fields });
    await refused(input([c.id, theirs.id], [town.agency.id]), { caseIds: 'NOT_FOUND' });
    await refused(input([c.id], [elsewhere.agency.id]), { agencyIds: 'NOT_FOUND' });
    await refused(input([c.id], [inactive.id]), { agencyIds: 'NOT_FOUND' });
    await refused(input([c.id], [], [elsewhere.socialWorker.id]), { userIds: 'NOT_FOUND' });
    await refused(input([c.id], [], [town.auditor.id]), { userIds: 'NOT_FOUND' });
    const empty = input([], []);
    expect(await failure(caller.meetings.schedule(empty), empty)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { caseIds: 'chooseOne', agencyIds: 'chooseOne' },
    });
    expect(await db.panelMeeting.count({ where: { municipalityId: town.town.id } })).toBe(0);
    expect(await auditCount(db, town.coordinator.id, 'meeting.schedule', 'denied')).toBe(5);
  });
});

describe('meetings.list', () => {
  it('shows the coordinator every meeting of the municipality and invitees only theirs; upcoming and past', async () => {
    const { town, c, meeting, elsewhere } = await setting();
    const notInvited = await makeMeeting(db, town, { cases: [c], userIds: [town.coordinator.id] });
    const past = await makeMeeting(db, town, {
      cases: [c],
      agencyIds: [town.agency.id],
      scheduledAt: new Date('2026-01-05T10:00:00Z'),
      status: 'approved',
    });
    await makeMeeting(db, elsewhere, { cases: [await makeCase(db, elsewhere)], agencyIds: [elsewhere.agency.id] });
    const ids = async (user: Who, when: 'upcoming' | 'past') =>
      (await (await callerFor(db, user)).caller.meetings.list({ when })).map((m) => m.id).sort();

    expect(await ids(town.coordinator, 'upcoming')).toEqual([meeting.id, notInvited.id].sort());
    expect(await ids(town.coordinator, 'past')).toEqual([past.id]);
    expect(await ids(town.socialWorker, 'upcoming')).toEqual([meeting.id]);
    expect(await ids(town.socialWorker, 'past')).toEqual([]);
    expect(await ids(town.practitioner, 'upcoming')).toEqual([meeting.id]);
    expect(await ids(town.practitioner, 'past')).toEqual([past.id]);
    expect(await ids(elsewhere.coordinator, 'upcoming')).not.toContain(meeting.id);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.socialWorker.id, action: 'meeting.list', detail: { path: ['when'], equals: 'upcoming' } },
      select: { detail: true },
    });
    expect(event.detail).toEqual({ when: 'upcoming', meetingIds: [meeting.id] });
  });

  it('refuses auditors and admins, audited', async () => {
    const town = await makeTown(db);
    await refusedAll(
      'meeting.list',
      [
        [town.auditor, 'FORBIDDEN'],
        [town.admin, 'FORBIDDEN'],
      ],
      (caller) => caller.meetings.list({ when: 'upcoming' }),
    );
  });
});

describe('meetings.get', () => {
  it('is NOT_FOUND to the uninvited and to other municipalities, FORBIDDEN to auditors and admins, all audited', async () => {
    const { town, meeting, elsewhere } = await setting();
    const otherSw = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const otherAgency = await makeAgency(db, town.town.id);
    const otherPractitioner = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: otherAgency.id });
    await refusedAll(
      'meeting.read',
      [
        [otherSw, 'NOT_FOUND'],
        [otherPractitioner, 'NOT_FOUND'],
        [elsewhere.coordinator, 'NOT_FOUND'],
        [elsewhere.practitioner, 'NOT_FOUND'],
        [town.auditor, 'FORBIDDEN'],
        [town.admin, 'FORBIDDEN'],
      ],
      (caller) => caller.meetings.get({ id: meeting.id }),
    );
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { actorId: otherSw.id, action: 'meeting.read' },
      select: { outcome: true, entityType: true, entityId: true },
    });
    expect(denied).toEqual({ outcome: 'denied', entityType: 'PanelMeeting', entityId: meeting.id });
  });
});

describe('the coordinator-only procedures', () => {
  it('refuse invitees (FORBIDDEN) and other municipalities (NOT_FOUND), audited, and change nothing', async () => {
    const { town, c, meeting, elsewhere } = await setting();
    const item = meeting.itemFor(c);
    const minute = await makeMinute(db, meeting, town.coordinator);
    const others: [Who, string][] = [
      [town.socialWorker, 'FORBIDDEN'],
      [town.practitioner, 'FORBIDDEN'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
      [elsewhere.coordinator, 'NOT_FOUND'],
    ];
    const calls: [string, (caller: Caller) => Promise<unknown>][] = [
      ['meeting.update', (k) => k.meetings.update({ id: meeting.id, title: 'Renamed panel' })],
      ['meeting.cancel', (k) => k.meetings.cancel({ id: meeting.id })],
      [
        'meeting.attendance',
        (k) => k.meetings.recordAttendance({ id: meeting.id, attendance: [{ inviteeId: meeting.invitees[0]!.id, attended: true }] }),
      ],
      ['meeting.decide', (k) => k.meetings.decide({ agendaItemId: item, decision: 'continue', consensus: true })],
      ['meeting.minute.create', (k) => k.meetings.addMinute({ meetingId: meeting.id, body: 'Not theirs to write.' })],
      ['meeting.minute.create', (k) => k.meetings.addMinute({ meetingId: meeting.id, body: 'Nor to correct.', correctsId: minute.id })],
      ['meeting.approve', (k) => k.meetings.approveMinutes({ id: meeting.id })],
    ];
    for (const [user, code] of others) {
      const { caller } = await callerFor(db, user);
      for (const [action, call] of calls) await expect(call(caller), `${action} by ${code}`).rejects.toMatchObject({ code });
      expect(await db.auditEvent.count({ where: { actorId: user.id, outcome: 'denied', action: { startsWith: 'meeting.' } } })).toBe(
        calls.length,
      );
    }
    const after = await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { title: true, status: true } });
    expect(after).toEqual({ title: 'Synthetic panel meeting', status: 'scheduled' });
    expect(await db.meetingMinute.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect(await db.meetingAgendaItem.count({ where: { id: item, decision: { not: null } } })).toBe(0);
  });

  it('let the coordinator update the plan, record attendance and cancel, each audited', async () => {
    const { town, c, meeting } = await setting();
    const c2 = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    await caller.meetings.update({
      id: meeting.id,
      title: 'Rescheduled panel',
      caseIds: [c2.id, c.id],
      agencyIds: [],
      userIds: [town.socialWorker.id],
    });
    const got = await caller.meetings.get({ id: meeting.id });
    expect(got.title).toBe('Rescheduled panel');
    expect(got.agenda.map((i) => i.case.id)).toEqual([c2.id, c.id]);
    expect(got.agenda[1]!.id).toBe(meeting.itemFor(c));
    expect(got.invitees.map((i) => i.user?.id)).toEqual([town.socialWorker.id]);
    await caller.meetings.recordAttendance({ id: meeting.id, attendance: [{ inviteeId: got.invitees[0]!.id, attended: true }] });
    const held = await caller.meetings.get({ id: meeting.id });
    expect(held).toMatchObject({ status: 'held', invitees: [{ attended: true }] });
    expect(await failure(caller.meetings.update({ id: meeting.id, title: 'Too late' }))).toMatchObject({ code: 'MEETING_STARTED' });
    expect(await failure(caller.meetings.cancel({ id: meeting.id }))).toMatchObject({ code: 'MEETING_STARTED' });

    const other = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
    await caller.meetings.cancel({ id: other.id });
    expect(await failure(caller.meetings.decide({ agendaItemId: other.itemFor(c), decision: 'continue', consensus: true }))).toMatchObject({
      code: 'MEETING_CANCELLED',
    });
    for (const action of ['meeting.update', 'meeting.attendance', 'meeting.cancel'])
      expect(await auditCount(db, town.coordinator.id, action)).toBe(1);
  });
});
