import type { Db } from '../../src/db.js';
import { makeCase, makeDisclosure, type Town } from '../helpers/case-factories.js';
import { makeAgency, makeUser } from '../helpers/factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeIntervention, makeTask } from '../helpers/work-factories.js';

/**
 * A town's social worker about to leave, with one of each thing that can be assigned: key worker of a
 * case, an intervention (of the town's agency) and a task on it, a seat at a scheduled meeting, a
 * disclosure by name on a colleague's case; and what is not work any more (a closed case, a done task,
 * a completed intervention, a held meeting, a revoked disclosure).
 */
export async function leaverWithWork(db: Db, town: Town) {
  const m = town.town.id;
  const leaver = town.socialWorker;
  const by = { createdById: town.coordinator.id };
  const colleague = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const c = await makeCase(db, town, { stage: 'planning' });
  const other = await makeCase(db, town, { keyWorkerId: colleague.id });
  const intervention = await makeIntervention(db, c, { ...by, agencyId: town.agency.id, assigneeId: leaver.id });
  const task = await makeTask(db, c, { ...by, assigneeId: leaver.id });
  const meeting = await makeMeeting(db, town, { cases: [c], userIds: [leaver.id] });
  const disclosure = await makeDisclosure(db, other, { ...by, userId: leaver.id, sections: ['summary'] });
  // Not work any more.
  await makeCase(db, town, { stage: 'closed' });
  await makeTask(db, c, { ...by, assigneeId: leaver.id, doneAt: new Date('2026-01-10T00:00:00Z') });
  await makeIntervention(db, c, { ...by, agencyId: town.agency.id, assigneeId: leaver.id, status: 'completed' });
  await makeMeeting(db, town, { cases: [c], userIds: [leaver.id], status: 'held' });
  await makeDisclosure(db, other, { ...by, userId: leaver.id, revokedAt: new Date('2026-01-14T00:00:00Z') });
  const invitation = meeting.invitees.find((i) => i.userId === leaver.id)!;
  const otherAgency = await makeAgency(db, m);
  return { leaver, colleague, c, other, intervention, task, meeting, invitation, disclosure, otherAgency };
}

/** Where each item's assignment stands now. */
export async function assignments(db: Db, w: Awaited<ReturnType<typeof leaverWithWork>>) {
  const [c, i, t, inv, d] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: w.c.id }, select: { keyWorkerId: true } }),
    db.intervention.findUniqueOrThrow({ where: { id: w.intervention.id }, select: { assigneeId: true } }),
    db.caseTask.findUniqueOrThrow({ where: { id: w.task.id }, select: { assigneeId: true } }),
    db.meetingInvitee.findUnique({ where: { id: w.invitation.id }, select: { userId: true } }),
    db.disclosure.findUniqueOrThrow({ where: { id: w.disclosure.id }, select: { userId: true, revokedAt: true } }),
  ]);
  return { case: c.keyWorkerId, intervention: i.assigneeId, task: t.assigneeId, invitation: inv?.userId ?? null, disclosure: d };
}
