import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { CaseStage } from '../../generated/prisma/enums.js';
import { findCase, recordEvent } from './access.js';
import { SUMMARY_FIELD } from './read.js';
import { isOpen, NEXT_STAGES, REOPEN_STAGE } from './stages.js';
import type { ChangeStageInput, CloseInput, UpdateSummaryInput } from './schema.js';

const stageSelect = { id: true, municipalityId: true, stage: true } as const;

const refuse = (from: CaseStage, to: CaseStage, allowed: readonly CaseStage[]) =>
  new AppError('INVALID_TRANSITION', { fields: { stage: 'INVALID_TRANSITION' }, data: { from, to, allowed: allowed.join(',') } });

/** Key worker or coordinator. The summary is case content: encrypted at rest, never in the timeline. */
export async function updateSummary(ctx: ServiceContext, input: z.infer<typeof UpdateSummaryInput>) {
  const c = await findCase(ctx, input.id, 'update', stageSelect);
  const summary = input.summary ? ctx.keyring.encrypt(input.summary, SUMMARY_FIELD) : null;
  await ctx.db.case.update({ where: { id: c.id }, data: { summary }, select: { id: true } });
  await recordEvent(ctx, c, 'summary', { cleared: summary === null });
  ctx.audit.record({ action: 'case.summary.update', entityType: 'Case', entityId: c.id, detail: { length: input.summary.length } });
  return { id: c.id };
}

/** Key worker or coordinator: one of the moves in NEXT_STAGES, with a reason for the timeline. */
export async function changeStage(ctx: ServiceContext, input: z.infer<typeof ChangeStageInput>) {
  const c = await findCase(ctx, input.id, 'update', stageSelect);
  const allowed = NEXT_STAGES[c.stage];
  if (!allowed.includes(input.stage)) throw refuse(c.stage, input.stage, allowed);
  return moveStage(ctx, c, input.stage, input.reason, 'stage', {});
}

/** Coordinator: closes a case from any open stage, with the minuted reason. */
export async function closeCase(ctx: ServiceContext, input: z.infer<typeof CloseInput>) {
  const c = await findCase(ctx, input.id, 'manage:team', stageSelect);
  if (!isOpen(c.stage)) throw refuse(c.stage, 'closed', []);
  return moveStage(ctx, c, 'closed', input.reason, 'close', { closedAt: ctx.clock(), closeReason: input.reason });
}

/** Coordinator: a closed case (or one in follow-up) goes back to REOPEN_STAGE; its closure stays on the timeline. */
export async function reopenCase(ctx: ServiceContext, input: z.infer<typeof CloseInput>) {
  const c = await findCase(ctx, input.id, 'manage:team', stageSelect);
  if (isOpen(c.stage)) throw refuse(c.stage, REOPEN_STAGE, []);
  return moveStage(ctx, c, REOPEN_STAGE, input.reason, 'reopen', { closedAt: null, closeReason: null });
}

async function moveStage(
  ctx: ServiceContext,
  c: { id: string; municipalityId: string; stage: CaseStage },
  to: CaseStage,
  reason: string,
  kind: 'stage' | 'close' | 'reopen',
  extra: { closedAt?: Date | null; closeReason?: string | null },
) {
  // Only from the stage we checked: a concurrent move makes this one a CONFLICT, not a second move from a stale stage.
  const { count } = await ctx.db.case.updateMany({ where: { id: c.id, stage: c.stage }, data: { stage: to, ...extra } });
  if (count === 0) throw new AppError('CONFLICT', { fields: { stage: 'CONFLICT' } });
  await recordEvent(ctx, c, kind, { from: c.stage, to, reason });
  const action = kind === 'stage' ? 'case.stage.change' : `case.${kind}`;
  ctx.audit.record({ action, entityType: 'Case', entityId: c.id, detail: { from: c.stage, to } });
  return { id: c.id, stage: to };
}
