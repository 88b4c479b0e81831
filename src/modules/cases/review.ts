import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { DbClient } from '../../db.js';
import type { ServiceContext } from '../../service.js';
import type { ReminderKind } from '../../shared/vocabulary.js';
import { DAY_MS } from '../../shared/days.js';
import { isWorkingDay } from '../referrals/working-days.js';
import { loadCalendar, municipalToday } from '../work/calendar.js';
import { isOpen } from '../../shared/stages.js';
import { findCase, recordEvent } from './access.js';
import type { RecordReviewInput } from './schema.js';

/** A review may be set at most this far ahead: a case nobody looks at for longer is not being worked. */
export const MAX_REVIEW_AHEAD_DAYS = 366;

/**
 * When a case opened (or reopened, or reviewed) at `at` is next due for review: one interval after the
 * municipality's local date, moved on to the next working day when it falls on its weekend or a holiday.
 */
export async function firstReviewDate(db: DbClient, municipalityId: string, at: Date) {
  const { reviewIntervalDays } = await db.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { reviewIntervalDays: true },
  });
  const calendar = await loadCalendar(db, municipalityId, at);
  let day = new Date(calendar.today.getTime() + reviewIntervalDays * DAY_MS);
  // At most a week of days off in a row (a weekend next to Eid); the bound only guards a bad setting.
  for (let i = 0; i < 14 && !isWorkingDay(day.toISOString().slice(0, 10), calendar); i++) day = new Date(day.getTime() + DAY_MS);
  return day;
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
  // Today where the municipality is: just after midnight in Amman, "tomorrow" is a day later than in UTC.
  const today = await municipalToday(ctx.db, c.municipalityId, now);
  const next = input.nextReviewAt ?? (await firstReviewDate(ctx.db, c.municipalityId, now));
  if (next <= today) throw new AppError('BAD_INPUT', { fields: { nextReviewAt: 'too_small' } });
  if (next.getTime() > today.getTime() + MAX_REVIEW_AHEAD_DAYS * DAY_MS)
    throw new AppError('BAD_INPUT', { fields: { nextReviewAt: 'too_big' } });
  await ctx.db.case.update({ where: { id: c.id }, data: { nextReviewAt: next }, select: { id: true } });
  const previous = c.nextReviewAt ? c.nextReviewAt.toISOString().slice(0, 10) : null;
  const nextDay = next.toISOString().slice(0, 10);
  await recordEvent(ctx, c, 'review', { previous, next: nextDay, ...(input.note ? { reason: input.note } : {}) });
  await resolveReminders(ctx, c.id, ['review_overdue']);
  ctx.audit.detail({ previous, next: nextDay, overdue: previous !== null && previous < today.toISOString().slice(0, 10) });
  return { id: c.id, nextReviewAt: next };
}
