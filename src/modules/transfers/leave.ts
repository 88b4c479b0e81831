import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { recordEvent } from '../cases/access.js';
import { endedFacts, writeGrantEnd } from '../cases/break-glass-end.js';
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
 * - every open task is marked done, and every reminder about the case is resolved (as a closure does);
 * - every onward referral still unanswered is withdrawn (code `transferred`): it leaves the partner
 *   agency's inbox, cannot be answered any more, and its reminders (the agency's too) are resolved. An
 *   accepted one stays the partner's to finish (they may still record its outcome, which the sending
 *   city asked for), but the disclosure and intervention its acceptance made end with the others above;
 * - every live break-glass grant on the case ends now (the writer of an end by hand): nobody of the
 *   sending city reads the case through emergency access any more.
 * Each on the sending case's timeline, and audited on the sending city's chain under the action a
 * coordinator's own step would have (naming the city the receiving coordinator acted from). Nothing of
 * this goes to the receiving city. The writes go by the sending city's id, not the receiving
 * coordinator's rules (which reach no case of another city): the transfer row already proved the right.
 */
export async function leaveSendingCity(ctx: ServiceContext, s: Sending) {
  const now = ctx.clock();
  // First, so an acceptance by the partner that commits meanwhile (this waits for its row) leaves an
  // accepted one whose disclosure and intervention the next steps, reading afresh, then end.
  const withdrawn = await withdrawOnward(ctx, s, now);
  const revoked = await revokeDisclosures(ctx, s, now);
  const cancelled = await endInterventions(ctx, s);
  const tasksDone = await finishTasks(ctx, s, now);
  const grantsEnded = await endGrants(ctx, s, now);
  // Reminders about the case (and its plan, tasks and disclosures) are done with it, as a closure by hand
  // resolves them; so are the partner agency's about a withdrawn onward referral (they name no case).
  const reminders = await ctx.db.reminder.updateMany({
    where: {
      municipalityId: s.municipalityId,
      dismissedAt: null,
      OR: [{ caseId: s.caseId }, { entityType: 'OnwardReferral', entityId: { in: withdrawn } }],
    },
    data: { dismissedAt: now },
  });
  return { revoked, cancelled, tasksDone, withdrawn, grantsEnded, remindersResolved: reminders.count };
}

type Step = 'case.disclosure.revoke' | 'case.intervention.update' | 'work.task.complete' | 'onward.withdraw' | 'case.breakGlass.end';

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

/** Every onward referral of the case still waiting for an answer, withdrawn with the code `transferred`. */
async function withdrawOnward(ctx: ServiceContext, s: Sending, now: Date) {
  const waiting = await ctx.db.onwardReferral.findMany({
    where: { caseId: s.caseId, municipalityId: s.municipalityId, status: 'sent' },
    select: { id: true, agencyId: true },
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
  });
  const withdrawn: string[] = [];
  for (const o of waiting) {
    // Answered meanwhile (the partner's answer committed first): it is the partner's now, like any accepted one.
    const { count } = await ctx.db.onwardReferral.updateMany({
      where: { id: o.id, municipalityId: s.municipalityId, status: 'sent' },
      data: { status: 'withdrawn', withdrawnAt: now, withdrawReason: 'transferred' },
    });
    if (count === 0) continue;
    withdrawn.push(o.id);
    const facts = { onwardId: o.id, agencyId: o.agencyId, ended: 'transferred' };
    await recordEvent(ctx, { id: s.caseId, municipalityId: s.municipalityId }, 'onward', { step: 'withdrawn', ...facts });
    onSendingChain(ctx, s, 'onward.withdraw', { type: 'OnwardReferral', id: o.id }, facts);
  }
  return withdrawn;
}

/** Every live break-glass grant on the case, ended now (the timeline's entry shows when, to its readers). */
async function endGrants(ctx: ServiceContext, s: Sending, now: Date) {
  const grants = await ctx.db.breakGlass.findMany({
    where: { caseId: s.caseId, municipalityId: s.municipalityId, endedAt: null, expiresAt: { gt: now } },
    select: { id: true, caseId: true, userId: true, expiresAt: true },
    orderBy: [{ grantedAt: 'asc' }, { id: 'asc' }],
  });
  const ended: string[] = [];
  for (const g of grants) {
    if (!(await writeGrantEnd(ctx, s.municipalityId, { id: g.id }, now))) continue;
    ended.push(g.id);
    onSendingChain(
      ctx,
      s,
      'case.breakGlass.end',
      { type: 'BreakGlass', id: g.id },
      { ...endedFacts(g, now), userId: g.userId, ended: 'transferred' },
    );
  }
  return ended;
}
