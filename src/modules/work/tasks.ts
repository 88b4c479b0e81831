import { accessibleBy } from '../../auth/casl.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { recordEvent } from '../cases/access.js';
import { assertCan } from '../../auth/guard.js';

/**
 * The user's own reminder, dismissed: it leaves "my work" and the sweep will not raise it again
 * for the same due day. Someone else's (or an unknown id) is NOT_FOUND; audited.
 */
export async function dismissReminder(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'update', 'Reminder');
  const where = { AND: [accessibleBy(ctx.ability, 'update').ofType('Reminder'), { id }] };
  const reminder = await ctx.db.reminder.findFirst({ where, select: { id: true, kind: true, caseId: true, dismissedAt: true } });
  if (!reminder) throw notFound('Reminder', id);
  if (!reminder.dismissedAt) await ctx.db.reminder.update({ where: { id }, data: { dismissedAt: ctx.clock() }, select: { id: true } });
  ctx.audit.detail({ kind: reminder.kind, caseId: reminder.caseId });
  return { id, dismissed: true };
}

/**
 * The assignee (or a coordinator) marks a task done. The case must still be readable by the user:
 * a practitioner whose disclosure expired can no longer act on it (NOT_FOUND). On the case's
 * timeline, audited, and its overdue reminders are resolved.
 */
export async function completeTask(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'update', 'CaseTask');
  const task = await ctx.db.caseTask.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('CaseTask'), { id }] },
    select: { id: true, caseId: true, municipalityId: true, doneAt: true },
  });
  const visible = task && (await ctx.db.case.count({ where: { AND: [accessibleBy(ctx.ability).ofType('Case'), { id: task.caseId }] } }));
  if (!task || !visible) throw notFound('CaseTask', id);
  const now = ctx.clock();
  const { count } = await ctx.db.caseTask.updateMany({ where: { id, doneAt: null }, data: { doneAt: now } });
  if (count === 0) throw new AppError('CONFLICT', { fields: { id: 'CONFLICT' } });
  await recordEvent(ctx, { id: task.caseId, municipalityId: task.municipalityId }, 'task.done', { taskId: id });
  await ctx.db.reminder.updateMany({ where: { entityId: id, kind: 'task_overdue', dismissedAt: null }, data: { dismissedAt: now } });
  ctx.audit.detail({ caseId: task.caseId });
  return { id, doneAt: now };
}
