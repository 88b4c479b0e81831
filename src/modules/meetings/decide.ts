import { assertCan } from '../../auth/guard.js';
import { accessibleBy } from '../../auth/casl.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { sealText } from '../../crypto/envelope.js';
import { randomUUID } from 'node:crypto';
import { CASE_WORKER_ROLES } from '../../shared/roles.js';
import { recordEvent } from '../cases/access.js';
import { addIntervention } from '../cases/interventions.js';
import { DISSENT_FIELD, TASK_TITLE_FIELD, assertHappened, assertOpen, findMeeting, markHeld } from './access.js';
import { promptClosure } from './closure.js';
import type { Attendance, Decide } from './schema.js';

/** Coordinator: who attended, per invitee. Marks the meeting held; refused once the minutes are approved. */
export async function recordAttendance(ctx: ServiceContext, input: Attendance) {
  const meeting = await findMeeting(ctx, input.id, 'update');
  assertOpen(meeting.status, 'record');
  assertHappened(meeting, ctx.clock());
  const invitees = await ctx.db.meetingInvitee.findMany({ where: { meetingId: meeting.id }, select: { id: true } });
  const unknown = input.attendance.find((a) => !invitees.some((i) => i.id === a.inviteeId));
  if (unknown)
    throw new AppError('NOT_FOUND', { entity: { type: 'MeetingInvitee', id: unknown.inviteeId }, fields: { attendance: 'NOT_FOUND' } });
  for (const a of input.attendance) {
    await ctx.db.meetingInvitee.update({ where: { id: a.inviteeId }, data: { attended: a.attended }, select: { id: true } });
  }
  await markHeld(ctx, meeting);
  const detail = {
    present: input.attendance.filter((a) => a.attended).map((a) => a.inviteeId),
    absent: input.attendance.filter((a) => !a.attended).map((a) => a.inviteeId),
  };
  ctx.audit.detail(detail);
  return { id: meeting.id };
}

/** Moves an action's field problems under its place in the decision form (`interventions.0.agencyId`). */
async function asAction<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.options.fields) {
      const fields = Object.fromEntries(Object.entries(err.options.fields).map(([k, v]) => [`${prefix}.${k}`, v]));
      throw new AppError(err.code, { ...err.options, fields });
    }
    throw err;
  }
}

/**
 * Coordinator: the panel's decision on one agenda item, with consensus or the dissent recorded
 * (encrypted), and its actions: interventions added through the support plan's own service, and
 * tasks on the case. All in the procedure's one transaction: a refused action rolls back the whole
 * decision. The case's timeline gets a `panel_decision` entry with ids only, no text.
 */
export async function decide(ctx: ServiceContext, input: Decide) {
  assertCan(ctx.ability, 'decide', 'MeetingAgendaItem');
  const item = await ctx.db.meetingAgendaItem.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'decide').ofType('MeetingAgendaItem'), { id: input.agendaItemId }] },
    select: { id: true, meetingId: true, caseId: true, case: { select: { municipalityId: true } } },
  });
  if (!item) throw notFound('MeetingAgendaItem', input.agendaItemId);
  const meeting = await findMeeting(ctx, item.meetingId, 'update');
  assertOpen(meeting.status, 'record');
  assertHappened(meeting, ctx.clock());
  const c = { id: item.caseId, municipalityId: item.case.municipalityId };

  const interventionIds: string[] = [];
  for (const [i, action] of input.interventions.entries()) {
    const created = await asAction(`interventions.${i}`, () =>
      ctx.audit.step('case.intervention.create', (audit) => addIntervention({ ...ctx, audit }, { caseId: c.id, ...action })),
    );
    interventionIds.push(created.id);
  }
  const taskIds: string[] = [];
  for (const [i, task] of input.tasks.entries()) {
    if (task.assigneeId) {
      const assignee = await ctx.db.user.findFirst({
        where: { id: task.assigneeId, municipalityId: c.municipalityId, disabledAt: null, role: { in: [...CASE_WORKER_ROLES] } },
        select: { id: true },
      });
      if (!assignee)
        throw new AppError('NOT_FOUND', {
          entity: { type: 'User', id: task.assigneeId },
          fields: { [`tasks.${i}.assigneeId`]: 'NOT_FOUND' },
        });
    }
    const taskId = randomUUID();
    const created = await ctx.db.caseTask.create({
      data: {
        id: taskId,
        caseId: c.id,
        municipalityId: c.municipalityId,
        title: await sealText(ctx, { kind: 'case', id: c.id }, TASK_TITLE_FIELD, taskId, task.title),
        assigneeId: task.assigneeId ?? null,
        dueDate: task.dueDate ?? null,
        agendaItemId: item.id,
        createdById: ctx.user.id,
        createdAt: ctx.clock(),
      },
      select: { id: true },
    });
    taskIds.push(created.id);
  }

  const dissent = input.consensus ? null : await sealText(ctx, { kind: 'case', id: c.id }, DISSENT_FIELD, item.id, input.dissent!);
  await ctx.db.meetingAgendaItem.update({
    where: { id: item.id },
    data: { decision: input.decision, consensus: input.consensus, dissent, decidedAt: ctx.clock(), decidedById: ctx.user.id },
    select: { id: true },
  });
  await markHeld(ctx, meeting);
  await promptClosure(ctx, { agendaItemId: item.id, ...c }, input.decision === 'close');
  // Ids and facts only: the dissent is minuted content, readable in the meeting by those who see the item.
  const detail = {
    meetingId: meeting.id,
    agendaItemId: item.id,
    decision: input.decision,
    consensus: input.consensus,
    interventionIds,
    taskIds,
  };
  await recordEvent(ctx, c, 'panel_decision', detail);
  ctx.audit.detail({ ...detail, caseId: c.id });
  return { id: item.id, interventionIds, taskIds };
}
