import type { ServiceContext } from '../../service.js';
import { municipalToday } from '../work/calendar.js';
import { meetingWords } from './access.js';

/**
 * A panel decision to close a case puts the closure in front of the coordinators: a `panel_closure`
 * reminder each (in "my work", and the case page's banner with the close form), dismissed when the
 * case is closed (closeCase resolves the case's reminders) or when the panel's decision changes.
 * The panel decides; closing stays the coordinator's act, with its own reason and follow-up.
 */
export async function promptClosure(
  ctx: ServiceContext,
  item: { agendaItemId: string; id: string; municipalityId: string },
  close: boolean,
) {
  const now = ctx.clock();
  if (!close) {
    await ctx.db.reminder.updateMany({
      where: { municipalityId: item.municipalityId, kind: 'panel_closure', entityId: item.agendaItemId, dismissedAt: null },
      data: { dismissedAt: now },
    });
    return;
  }
  const open = await ctx.db.case.findFirst({
    where: { id: item.id, municipalityId: item.municipalityId, closedAt: null },
    select: { id: true },
  });
  if (!open) return;
  const coordinators = await ctx.db.user.findMany({
    where: { municipalityId: item.municipalityId, role: 'coordinator', disabledAt: null },
    select: { id: true },
  });
  const dueAt = await municipalToday(ctx.db, item.municipalityId, now);
  await ctx.db.reminder.createMany({
    data: coordinators.map((u) => ({
      municipalityId: item.municipalityId,
      userId: u.id,
      kind: 'panel_closure' as const,
      entityType: 'MeetingAgendaItem',
      entityId: item.agendaItemId,
      caseId: item.id,
      dueAt,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
}

/**
 * For the case page: the panel's closure decision still waiting for this coordinator (their own
 * open `panel_closure` reminder on the case), with the meeting it was taken at; null otherwise.
 */
export async function pendingClosure(ctx: ServiceContext, caseId: string) {
  const reminder = await ctx.db.reminder.findFirst({
    where: { userId: ctx.user.id, municipalityId: ctx.user.municipalityId, caseId, kind: 'panel_closure', dismissedAt: null },
    select: { entityId: true },
    orderBy: { createdAt: 'desc' },
  });
  if (!reminder) return null;
  const item = await ctx.db.meetingAgendaItem.findFirst({
    where: { id: reminder.entityId, caseId, municipalityId: ctx.user.municipalityId, decision: 'close' },
    select: { id: true, decidedAt: true, meeting: { select: { id: true, title: true, scheduledAt: true } } },
  });
  return item && { agendaItemId: item.id, decidedAt: item.decidedAt, meeting: meetingWords(ctx, item.meeting) };
}
