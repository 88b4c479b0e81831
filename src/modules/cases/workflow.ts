import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { findCase, recordEvent } from './access.js';
import { isOpen, NEXT_STAGES, REOPEN_STAGE } from '../../shared/stages.js';
import { addMonthsIn } from '../../shared/days.js';
import { loadCalendar } from '../work/calendar.js';
import type { CaseStage } from '../../shared/vocabulary.js';
import { firstReviewDate, resolveReminders } from './review.js';
import { chosenItem } from '../lists/chosen.js';
import type { ChangeStageInput, CloseCaseInput, ReopenCaseInput } from './schema.js';

/** A closure's words, under the case's key, bound to the case (cases/read.ts opens them). */
export const CLOSE_REASON_FIELD = 'case.close_reason';

// anonymisedAt: a case anonymised by retention keeps its stage for statistics and never moves again.
const stageSelect = { id: true, municipalityId: true, stage: true, anonymisedAt: true } as const;

const refuse = (from: CaseStage, to: CaseStage, allowed: readonly CaseStage[]) =>
  new AppError('INVALID_TRANSITION', { fields: { stage: 'INVALID_TRANSITION' }, data: { from, to, allowed: allowed.join(',') } });

/**
 * Key worker or coordinator: one of the moves in NEXT_STAGES, with a reason for the timeline.
 * Moving a closed case to follow_up is the follow-up check: its follow-up reminders are resolved.
 */
export async function changeStage(ctx: ServiceContext, input: z.infer<typeof ChangeStageInput>) {
  const c = await findCase(ctx, input.id, 'update', stageSelect);
  if (c.anonymisedAt) throw new AppError('CASE_ANONYMISED');
  const allowed = NEXT_STAGES[c.stage];
  if (!allowed.includes(input.stage)) throw refuse(c.stage, input.stage, allowed);
  const moved = await moveStage(ctx, c, input.stage, input.reason, 'stage', {});
  if (input.stage === 'follow_up') await resolveReminders(ctx, c.id, ['follow_up_due']);
  return moved;
}

/**
 * Coordinator: closes a case from any open stage. The reason comes from the list (with words,
 * required for 'other'), the input carries the coordinator's explicit confirmation, and a follow-up
 * check may be set N months ahead. Reviews stop; open reminders about the case are resolved.
 */
export async function closeCase(ctx: ServiceContext, input: z.infer<typeof CloseCaseInput>) {
  const c = await findCase(ctx, input.id, 'manage:team', stageSelect);
  if (!isOpen(c.stage)) throw refuse(c.stage, 'closed', []);
  const now = ctx.clock();
  // N months after the municipality's local date (closed at 00:30 in Amman is that day there, not the day before).
  const { timeZone } = await loadCalendar(ctx.db, c.municipalityId, now);
  const followUpAt = input.followUpMonths ? addMonthsIn(now, timeZone, input.followUpMonths) : null;
  const words = input.reason || null;
  const reason = await chosenItem(ctx, 'closure_reason', { itemId: input.closureItemId, code: input.closureReason }, 'closureItemId');
  // The item's core code decides (the schema checked the code the form sent): 'other' wants words.
  if (reason.code === 'other' && (words?.length ?? 0) < 3) throw new AppError('BAD_INPUT', { fields: { reason: 'required' } });
  const moved = await moveStage(
    ctx,
    c,
    'closed',
    words,
    'close',
    {
      closedAt: now,
      closeReason: words ? await sealText(ctx, { kind: 'case', id: c.id }, CLOSE_REASON_FIELD, c.id, words) : null,
      closureReason: reason.code,
      closureItemId: reason.itemId,
      closedById: ctx.user.id,
      followUpAt,
      nextReviewAt: null,
    },
    { closureReason: reason.code, closureItemId: reason.itemId, followUpAt: followUpAt?.toISOString().slice(0, 10) ?? null },
  );
  await resolveReminders(ctx, c.id);
  return { ...moved, followUpAt };
}

/**
 * Coordinator: a closed case (or one in follow-up) goes back to REOPEN_STAGE. The closure stays on
 * the timeline (the reopen entry names the reason it had); the case's closure fields and follow-up
 * are cleared and reviews start again from today.
 */
export async function reopenCase(ctx: ServiceContext, input: z.infer<typeof ReopenCaseInput>) {
  const c = await findCase(ctx, input.id, 'manage:team', { ...stageSelect, closureReason: true, followUpAt: true });
  if (c.anonymisedAt) throw new AppError('CASE_ANONYMISED');
  if (isOpen(c.stage)) throw refuse(c.stage, REOPEN_STAGE, []);
  const nextReviewAt = await firstReviewDate(ctx.db, c.municipalityId, ctx.clock());
  const moved = await moveStage(
    ctx,
    c,
    REOPEN_STAGE,
    input.reason,
    'reopen',
    { closedAt: null, closeReason: null, closureReason: null, closureItemId: null, closedById: null, followUpAt: null, nextReviewAt },
    { closureReason: c.closureReason, followUpAt: c.followUpAt?.toISOString().slice(0, 10) ?? null },
  );
  await resolveReminders(ctx, c.id, ['follow_up_due']);
  return moved;
}

async function moveStage(
  ctx: ServiceContext,
  c: { id: string; municipalityId: string; stage: CaseStage },
  to: CaseStage,
  reason: string | null,
  kind: 'stage' | 'close' | 'reopen',
  extra: Prisma.CaseUncheckedUpdateManyInput,
  facts: Prisma.InputJsonObject = {},
) {
  // Only from the stage we checked: a concurrent move makes this one a CONFLICT, not a second move from a stale stage.
  const { count } = await ctx.db.case.updateMany({ where: { id: c.id, stage: c.stage }, data: { stage: to, ...extra } });
  if (count === 0) throw new AppError('CONFLICT', { fields: { stage: 'CONFLICT' } });
  await recordEvent(ctx, c, kind, { from: c.stage, to, ...(reason ? { reason } : {}), ...facts });
  ctx.audit.detail({ from: c.stage, to, ...facts });
  return { id: c.id, stage: to };
}
