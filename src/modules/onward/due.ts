import type { DbClient } from '../../db.js';
import type { DueItem } from '../../jobs/due-item.js';
import { addDays } from '../../shared/days.js';
import { addWorkingDays, workingDaysBetween } from '../referrals/working-days.js';
import type { MunicipalCalendar } from '../work/calendar.js';

const live = { select: { id: true, disabledAt: true } } as const;

/**
 * Onward referrals still unanswered after the municipality's `onwardAnswerDays` working days (its
 * weekend, public holidays and local date): a reminder for each active practitioner of the receiving
 * agency (to answer: no case attached, they may not see it) and for the sender (to chase it, with the
 * case), the coordinators when the sender can no longer act. Due from the first day past the deadline.
 */
export async function onwardDueItems(
  db: DbClient,
  municipalityId: string,
  now: Date,
  calendar: MunicipalCalendar,
  coordinatorIds: string[],
): Promise<DueItem[]> {
  const { onwardAnswerDays: days } = await db.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { onwardAnswerDays: true },
  });
  // Working days never outnumber calendar days: only those older than the limit in calendar days can be late.
  const waiting = await db.onwardReferral.findMany({
    where: {
      municipalityId,
      status: 'sent',
      sentAt: { lt: addDays(calendar.today, 1 - days) },
      // A case closed (or anonymised) since takes no answer (acceptance is refused): nobody is asked to answer or chase it.
      OR: [{ caseId: null }, { case: { is: { anonymisedAt: null, stage: { notIn: ['closed', 'follow_up'] } } } }],
      AND: [{ OR: [{ referralId: null }, { referral: { is: { anonymisedAt: null } } }] }],
    },
    select: {
      id: true,
      caseId: true,
      sentAt: true,
      sentBy: live,
      agency: {
        select: {
          active: true,
          users: { where: { municipalityId, role: 'agency_practitioner', disabledAt: null }, select: { id: true } },
        },
      },
    },
  });
  const items: DueItem[] = [];
  for (const r of waiting) {
    if (workingDaysBetween(r.sentAt, now, calendar) <= days) continue;
    const dueAt = addWorkingDays(r.sentAt, days + 1, calendar);
    const item = { kind: 'onward_unanswered', entityType: 'OnwardReferral', entityId: r.id, dueAt } as const;
    const receivers = r.agency.active ? r.agency.users.map((u) => u.id) : [];
    for (const userId of new Set(receivers)) items.push({ ...item, userId, caseId: null });
    const senders = r.sentBy.disabledAt ? coordinatorIds : [r.sentBy.id];
    for (const userId of new Set(senders)) items.push({ ...item, userId, caseId: r.caseId });
  }
  return items;
}
