import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { MINUTE_FIELD } from '../../src/modules/meetings/access.js';

const { db } = await testDb();

async function setting() {
  const town = await makeTown(db);
  const c = await makeCase(db, town);
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], userIds: [town.socialWorker.id] });
  const { caller, clock } = await callerFor(db, town.coordinator);
  return { town, c, meeting, item: meeting.itemFor(c), caller, clock };
}

describe('minutes', () => {
  it('are stored encrypted, bound to their field and row, and read back in order', async () => {
    const { meeting, item, caller, clock } = await setting();
    const general = await caller.meetings.addMinute({ meetingId: meeting.id, body: 'Synthetic: the panel opened at ten.' });
    clock.advance(60_000);
    await caller.meetings.addMinute({ meetingId: meeting.id, agendaItemId: item, body: 'Synthetic: partners agree on mentoring.' });
    const raw = await db.meetingMinute.findUniqueOrThrow({ where: { id: general.id }, select: { body: true } });
    expect(raw.body).toMatch(/^v1\./);
    expect(raw.body).not.toContain('panel');
    // A general minute has no record's key to be under: the master keyring, bound to its own row.
    expect(testKeyring.decrypt(raw.body, `${MINUTE_FIELD}/${general.id}`)).toBe('Synthetic: the panel opened at ten.');
    expect(() => testKeyring.decrypt(raw.body, MINUTE_FIELD)).toThrow();
    expect(() => testKeyring.decrypt(raw.body, 'case.note')).toThrow();
    const got = await caller.meetings.get({ id: meeting.id });
    expect(got.minutes.map((m) => [m.body, m.agendaItemId])).toEqual([
      ['Synthetic: the panel opened at ten.', null],
      ['Synthetic: partners agree on mentoring.', item],
    ]);
    expect(got.status).toBe('held');
  });

  it('refuse an agenda item of another meeting, and a correction of a minute of another meeting', async () => {
    const { town, c, meeting, caller } = await setting();
    const other = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
    const theirs = await caller.meetings.addMinute({ meetingId: other.id, body: 'Other meeting.' });
    const wrongItem = { meetingId: meeting.id, agendaItemId: other.itemFor(c), body: 'x' };
    expect(await failure(caller.meetings.addMinute(wrongItem), wrongItem)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { agendaItemId: 'NOT_FOUND' },
    });
    const wrongCorrection = { meetingId: meeting.id, body: 'x', correctsId: theirs.id };
    expect(await failure(caller.meetings.addMinute(wrongCorrection), wrongCorrection)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { correctsId: 'NOT_FOUND' },
    });
  });

  it('lock once approved: decisions, entries and changes are refused; corrections are new entries', async () => {
    const { town, meeting, item, caller, clock } = await setting();
    expect(await failure(caller.meetings.approveMinutes({ id: meeting.id }))).toMatchObject({ code: 'MEETING_NOT_HELD' });
    const entry = await caller.meetings.addMinute({ meetingId: meeting.id, agendaItemId: item, body: 'Synthetic: decided to continue.' });
    await caller.meetings.decide({ agendaItemId: item, decision: 'continue', consensus: true });
    const approved = await caller.meetings.approveMinutes({ id: meeting.id });
    expect(approved.status).toBe('approved');
    expect(await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { approvedById: true } })).toEqual({
      approvedById: town.coordinator.id,
    });

    const locked = [
      () => caller.meetings.decide({ agendaItemId: item, decision: 'close', consensus: true }),
      () => caller.meetings.addMinute({ meetingId: meeting.id, body: 'Too late.' }),
      () => caller.meetings.update({ id: meeting.id, title: 'Renamed' }),
      () => caller.meetings.recordAttendance({ id: meeting.id, attendance: [{ inviteeId: meeting.invitees[0]!.id, attended: false }] }),
      () => caller.meetings.approveMinutes({ id: meeting.id }),
      () => caller.meetings.cancel({ id: meeting.id }),
    ];
    for (const call of locked) expect(await failure(call())).toMatchObject({ code: 'MINUTES_LOCKED' });
    expect(await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item }, select: { decision: true } })).toEqual({
      decision: 'continue',
    });

    clock.advance(60_000);
    const correction = await caller.meetings.addMinute({
      meetingId: meeting.id,
      body: 'Correction: decided to continue with a review in March.',
      correctsId: entry.id,
    });
    expect(correction).toMatchObject({ correctsId: entry.id, agendaItemId: item });
    const minutes = (await caller.meetings.get({ id: meeting.id })).minutes;
    expect(minutes.map((m) => [m.body, m.correctsId])).toEqual([
      ['Synthetic: decided to continue.', null],
      ['Correction: decided to continue with a review in March.', entry.id],
    ]);
    expect(await auditCount(db, town.coordinator.id, 'meeting.minute.create')).toBe(2);
    expect(await auditCount(db, town.coordinator.id, 'meeting.approve')).toBe(1);
    // A lock is a state, not an access decision: not audited as denied.
    expect(await auditCount(db, town.coordinator.id, 'meeting.decide', 'denied')).toBe(0);
  });
});
