import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { recordEvent } from '../cases/access.js';
import { writeInterventionChange } from '../cases/interventions.js';
import { revocableSelect, writeRevocation } from '../cases/team.js';

type Sending = { transferId: string; caseId: string; municipalityId: string };

/**
 * What an accepted transfer leaves behind in the sending city, in the acceptance's transaction: the case
 * has left the city, so nobody there keeps working on it or reading it.
 * - every live disclosure is revoked (the coordinator's revocation writer, with the code `transferred`):
 *   the partner agencies' next request no longer sees the case;
 * - every open intervention (planned or active) ends as `cancelled` (the writer of a change by hand),
 *   its outcome words kept;
 * - every open task is marked done, and every reminder about the case is resolved (as a closure does).
 * Each on the sending case's timeline, and audited on the sending city's chain under the action a
 * coordinator's own step would have (naming the city the receiving coordinator acted from). Nothing of
 * this goes to the receiving city. The writes go by the sending city's id, not the receiving
 * coordinator's rules (which reach no case of another city): the transfer row already proved the right.
 */
export async function leaveSendingCity(ctx: ServiceContext, s: Sending) {
  const now = ctx.clock();
  const revoked = await revokeDisclosures(ctx, s, now);
  const cancelled = await endInterventions(ctx, s);
  const tasksDone = await finishTasks(ctx, s, now);
  // Reminders about the case (and its plan, tasks and disclosures) are done with it, as a closure by hand resolves them.
  const reminders = await ctx.db.reminder.updateMany({
    where: { caseId: s.caseId, municipalityId: s.municipalityId, dismissedAt: null },
    data: { dismissedAt: now },
  });
  return { revoked, cancelled, tasksDone, remindersResolved: reminders.count };
}

type Step = 'case.disclosure.revoke' | 'case.intervention.update' | 'work.task.complete';

/** The step's event on the sending city's chain, naming the city the receiving coordinator acted from. */
function onSendingChain(
  ctx: ServiceContext,
  s: Sending,
  action: Step,
  entity: { type: string; id: string },
  detail: object,
  purpose?: string,
) {
  ctx.audit.also({
    action,
    municipalityId: s.municipalityId,
    entityType: entity.type,
    entityId: entity.id,
    ...(purpose ? { purpose } : {}),
    detail: { ...detail, caseId: s.caseId, transferId: s.transferId, actingMunicipalityId: ctx.user.municipalityId },
  });
}

/** Every live disclosure of the case, revoked with the code `transferred`. */
async function revokeDisclosures(ctx: ServiceContext, s: Sending, now: Date) {
  const disclosures = await ctx.db.disclosure.findMany({
    where: { caseId: s.caseId, municipalityId: s.municipalityId, revokedAt: null, expiresAt: { gt: now } },
    select: revocableSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const revoked: string[] = [];
  for (const d of disclosures) {
    const done = await writeRevocation(ctx, d, { code: 'transferred' });
    if (!done) continue;
    revoked.push(d.id);
    const detail = { ...done.detail, ended: 'transferred' };
    onSendingChain(ctx, s, 'case.disclosure.revoke', { type: 'Disclosure', id: d.id }, detail, d.listedPurpose.code);
  }
  return revoked;
}

/** Every planned or active intervention of the case, ended as cancelled (its outcome words kept). */
async function endInterventions(ctx: ServiceContext, s: Sending) {
  const interventions = await ctx.db.intervention.findMany({
    where: { caseId: s.caseId, municipalityId: s.municipalityId, status: { in: ['planned', 'active'] } },
    select: { id: true, caseId: true, municipalityId: true, status: true, outcome: true, version: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const cancelled: string[] = [];
  for (const i of interventions) {
    const facts = { ended: 'transferred', transferId: s.transferId };
    const detail = await writeInterventionChange(ctx, i, { status: 'cancelled' }, { municipalityId: s.municipalityId }, facts);
    // Changed meanwhile by someone of the sending city: the acceptance is refused and may be tried again.
    if (!detail) throw new AppError('CONFLICT', { fields: { id: 'CONFLICT' } });
    cancelled.push(i.id);
    onSendingChain(ctx, s, 'case.intervention.update', { type: 'Intervention', id: i.id }, detail);
  }
  return cancelled;
}

/** Every open task of the case, marked done on the timeline with the code `transferred`. */
async function finishTasks(ctx: ServiceContext, s: Sending, now: Date) {
  const tasks = await ctx.db.caseTask.findMany({
    where: { caseId: s.caseId, municipalityId: s.municipalityId, doneAt: null },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const done: string[] = [];
  for (const task of tasks) {
    const { count } = await ctx.db.caseTask.updateMany({
      where: { id: task.id, municipalityId: s.municipalityId, doneAt: null },
      data: { doneAt: now },
    });
    if (count === 0) continue;
    done.push(task.id);
    await recordEvent(ctx, { id: s.caseId, municipalityId: s.municipalityId }, 'task.done', { taskId: task.id, ended: 'transferred' });
    onSendingChain(ctx, s, 'work.task.complete', { type: 'CaseTask', id: task.id }, { ended: 'transferred' });
  }
  return done;
}
