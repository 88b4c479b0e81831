import type { Tx } from '../db.js';
import type { AuditTrail } from '../audit/writer.js';
import type { Keyring } from '../crypto/keyring.js';
import type { PanelDecision } from '../generated/prisma/enums.js';
import { DISSENT_FIELD, MINUTE_FIELD } from '../modules/meetings/access.js';
import type { TimelineKind } from '../modules/cases/timeline-policy.js';

type Staff = { coordinator: string; socialWorker: string; practitioner: string; youthCentre: string; school: string };

/**
 * Two panel meetings for the demo municipality: last week's, held, decided (one decision with a
 * recorded dissent and actions) and approved, with a correction after approval; and next week's,
 * scheduled. Both invite the youth centre (the demo practitioner's agency) and the social worker,
 * so each sees their own need-to-know pack.
 */
export async function seedMeetings(tx: Tx, audit: AuditTrail, keyring: Keyring, town: { id: string }, staff: Staff, now: Date) {
  const day = 86_400_000;
  const cases = await tx.case.findMany({
    where: { municipalityId: town.id, stage: { in: ['planning', 'intervention', 'review'] } },
    select: { id: true },
    orderBy: { reference: 'asc' },
    take: 3,
  });
  if (cases.length === 0) return;
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * day);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const invitees = [{ agencyId: staff.youthCentre, attended: true }, { agencyId: staff.school, attended: false }, { userId: staff.socialWorker, attended: true }];

  const past = await tx.panelMeeting.create({
    data: {
      municipalityId: town.id, title: 'Monthly prevention panel', scheduledAt: at(-7, 9), location: 'Town hall, meeting room 2', status: 'approved',
      createdById: staff.coordinator, createdAt: at(-21, 8), approvedAt: at(-6, 12), approvedById: staff.coordinator,
      invitees: { create: invitees },
      agenda: { create: cases.map((c, position) => ({ caseId: c.id, position })) },
    },
    select: { id: true, agenda: { select: { id: true, caseId: true }, orderBy: { position: 'asc' } } },
  });
  const decisions: { decision: PanelDecision; dissent?: string }[] = [
    { decision: 'continue' },
    { decision: 'adjust_plan', dissent: 'The school preferred to wait until the end of term before changing the plan.' },
    { decision: 'escalate' },
  ];
  const decidedAt = at(-7, 10);
  for (const [i, item] of past.agenda.entries()) {
    const d = decisions[i]!;
    await tx.meetingAgendaItem.update({
      where: { id: item.id },
      data: { decision: d.decision, consensus: !d.dissent, dissent: d.dissent ? keyring.encrypt(d.dissent, DISSENT_FIELD) : null, decidedAt, decidedById: staff.coordinator },
    });
    const interventionIds: string[] = [];
    const taskIds: string[] = [];
    if (d.decision === 'adjust_plan') {
      const intervention = await tx.intervention.create({
        data: {
          caseId: item.caseId, municipalityId: town.id, type: 'sport_youth', title: 'Weekly football group at the youth centre', agencyId: staff.youthCentre,
          assigneeId: staff.practitioner, startDate: at(0, 0), dueDate: at(60, 0), createdAt: decidedAt, updatedAt: decidedAt, createdById: staff.coordinator,
        },
        select: { id: true },
      });
      interventionIds.push(intervention.id);
      const task = await tx.caseTask.create({
        data: { caseId: item.caseId, municipalityId: town.id, title: 'Meet the parents with the school counsellor', assigneeId: staff.socialWorker, dueDate: at(7, 0), agendaItemId: item.id, createdById: staff.coordinator, createdAt: decidedAt },
        select: { id: true },
      });
      taskIds.push(task.id);
      await tx.caseEvent.create({ data: { caseId: item.caseId, municipalityId: town.id, at: decidedAt, actorId: staff.coordinator, kind: 'intervention' satisfies TimelineKind, data: { interventionId: intervention.id, type: 'sport_youth', agencyId: staff.youthCentre, assigneeId: staff.practitioner } } });
    }
    const detail = { meetingId: past.id, agendaItemId: item.id, decision: d.decision, consensus: !d.dissent, interventionIds, taskIds };
    await tx.caseEvent.create({ data: { caseId: item.caseId, municipalityId: town.id, at: decidedAt, actorId: staff.coordinator, kind: 'panel_decision' satisfies TimelineKind, data: detail } });
    audit.record({ action: 'meeting.decide', municipalityId: town.id, entityType: 'MeetingAgendaItem', entityId: item.id, detail: { ...detail, via: 'seed' } });
  }
  const minute = (body: string, createdAt: Date, agendaItemId: string | null = null, correctsId: string | null = null) =>
    tx.meetingMinute.create({ data: { meetingId: past.id, agendaItemId, authorId: staff.coordinator, body: keyring.encrypt(body, MINUTE_FIELD), correctsId, createdAt }, select: { id: true } });
  await minute('Opened at nine; the youth centre and the key worker present, the school excused.', at(-7, 9));
  const first = await minute('Attendance at the youth centre is regular; the plan continues unchanged.', at(-7, 10), past.agenda[0]!.id);
  await minute('The plan changes: a weekly football group is added; the school asked for its concerns to be minuted.', at(-7, 10), past.agenda[1]?.id ?? null);
  await minute('Correction: attendance has been regular since the last review, not since the start of the plan.', at(-5, 9), past.agenda[0]!.id, first.id);

  const upcoming = await tx.panelMeeting.create({
    data: {
      municipalityId: town.id, title: 'Monthly prevention panel', scheduledAt: at(7, 9), location: 'Town hall, meeting room 2', createdById: staff.coordinator, createdAt: at(-1, 8),
      invitees: { create: [{ agencyId: staff.youthCentre }, { userId: staff.socialWorker }] },
      agenda: { create: cases.slice(0, 2).map((c, position) => ({ caseId: c.id, position })) },
    },
    select: { id: true },
  });
  for (const m of [past.id, upcoming.id]) audit.record({ action: 'meeting.schedule', municipalityId: town.id, entityType: 'PanelMeeting', entityId: m, detail: { via: 'seed' } });
}
