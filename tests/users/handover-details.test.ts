import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { OPENED_AT } from '../helpers/case-factories.js';
import { leaverWithWork } from './caseload-fixture.js';

const { db } = await testDb();

describe('what a handover does beside the assignments', () => {
  it("dismisses the leaver's open reminders about the items moved, and no others", async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const remind = (entityId: string, entityType: string) =>
      db.reminder.create({
        data: {
          municipalityId: town.town.id,
          userId: w.leaver.id,
          kind: 'task_overdue',
          entityType,
          entityId,
          caseId: w.c.id,
          dueAt: new Date('2026-01-14T00:00:00Z'),
          createdAt: OPENED_AT,
        },
        select: { id: true },
      });
    const aboutTask = await remind(w.task.id, 'CaseTask');
    const aboutIntervention = await remind(w.intervention.id, 'Intervention');
    const { caller } = await callerFor(db, town.coordinator);
    await caller.users.handover({ userId: w.leaver.id, toUserId: w.colleague.id, items: [{ kind: 'task', id: w.task.id }] });
    const state = async (id: string) => (await db.reminder.findUniqueOrThrow({ where: { id }, select: { dismissedAt: true } })).dismissedAt;
    expect(await state(aboutTask.id)).toBeInstanceOf(Date);
    expect(await state(aboutIntervention.id)).toBeNull();
  });

  it('gives the receiver the leaver’s seat at a meeting, or just removes it when the receiver is already invited', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    await db.meetingInvitee.create({ data: { meetingId: w.meeting.id, municipalityId: town.town.id, userId: town.coordinator.id } });
    await caller.users.handover({
      userId: w.leaver.id,
      toUserId: town.coordinator.id,
      items: [{ kind: 'invitation', id: w.invitation.id }],
    });
    const seats = await db.meetingInvitee.findMany({ where: { meetingId: w.meeting.id }, select: { userId: true } });
    expect(seats.map((s) => s.userId)).toEqual([town.coordinator.id]);

    const otherTown = await makeTown(db);
    const other = await leaverWithWork(db, otherTown);
    const { caller: theirs } = await callerFor(db, otherTown.coordinator);
    await theirs.users.handover({
      userId: other.leaver.id,
      toUserId: other.colleague.id,
      items: [{ kind: 'invitation', id: other.invitation.id }],
    });
    expect(await db.meetingInvitee.findUniqueOrThrow({ where: { id: other.invitation.id }, select: { userId: true } })).toEqual({
      userId: other.colleague.id,
    });
  });
});
