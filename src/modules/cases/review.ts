import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { DbClient } from '../../db.js';
import type { ServiceContext } from '../../service.js';
import type { ReminderKind } from '../../shared/vocabulary.js';
import { addDays, dayOf } from '../../shared/days.js';
import { isOpen } from '../../shared/stages.js';
import { findCase, recordEvent } from './access.js';
import type { RecordReviewInput } from './schema.js';

/** A review may be set at most this far ahead: a case nobody looks at for longer is not being worked. */
export const MAX_REVIEW_AHEAD_DAYS = 366;

/** When a case opened (or reopened) at `at` is first due for review. */
export async function firstReviewDate(db: DbClient, municipalityId: string, at: Date) {
  const { reviewIntervalDays } = await db.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { reviewIntervalDays: true },
  });
  return addDays(at, reviewIntervalDays);
}

/**
 * Marks the user-facing reminders about a case as done at once, when an action resolves them
 * (a review recorded, the case closed or moved on); the reminder sweep would otherwise do it on
 * its next run. `kinds` omitted: every kind.
 */
export function resolveReminders(ctx: Pick<ServiceContext, 'db' | 'clock'>, caseId: string, kinds?: ReminderKind[]) {
  return ctx.db.reminder.updateMany({
    where: { caseId, dismissedAt: null, ...(kinds ? { kind: { in: kinds } } : {}) },
    data: { dismissedAt: ctx.clock() },
  });
}

/**
 * Coordinator or key worker: records that the case was reviewed and sets the next review date,
 * by default one municipal interval from today. On the timeline (`review`, with the note as its
 * minuted reason) and audited as case.review; the overdue-review reminders of the case are resolved.
 */
export async function recordReview(ctx: ServiceContext, input: z.infer<typeof RecordReviewInput>) {
  const c = await findCase(ctx, input.caseId, 'review', { id: true, municipalityId: true, stage: true, nextReviewAt: true });
  if (!isOpen(c.stage))
    throw new AppError('INVALID_TRANSITION', {
      fields: { caseId: 'INVALID_TRANSITION' },
      data: { from: c.stage, to: c.stage, allowed: '' },
    });
  const now = ctx.clock();
  const today = dayOf(now);
  const next = input.nextReviewAt ?? (await firstReviewDate(ctx.db, c.municipalityId, now));
  if (next <= today) throw new AppError('BAD_INPUT', { fields: { nextReviewAt: 'too_small' } });
  if (next > addDays(now, MAX_REVIEW_AHEAD_DAYS)) throw new AppError('BAD_INPUT', { fields: { nextReviewAt: 'too_big' } });
  await ctx.db.case.update({ where: { id: c.id }, data: { nextReviewAt: next }, select: { id: true } });
  const previous = c.nextReviewAt ? c.nextReviewAt.toISOString().slice(0, 10) : null;
  const nextDay = next.toISOString().slice(0, 10);
  await recordEvent(ctx, c, 'review', { previous, next: nextDay, ...(input.note ? { reason: input.note } : {}) });
  await resolveReminders(ctx, c.id, ['review_overdue']);
  ctx.audit.detail({ previous, next: nextDay, overdue: previous !== null && previous < today.toISOString().slice(0, 10) });
  return { id: c.id, nextReviewAt: next };
}
