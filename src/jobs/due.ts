import type { DbClient } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { addDays, dayIn, DAY_MS } from '../shared/days.js';
import { addWorkingDays, PLAIN_CALENDAR, type WorkCalendar, workingDaysBetween } from '../modules/referrals/working-days.js';
import { loadCalendar } from '../modules/work/calendar.js';
import { consentDueItems } from '../modules/consent/expiry.js';
import { onwardDueItems } from '../modules/onward/due.js';
import type { DueItem } from './due-item.js';

export type { DueItem };

/** A disclosure raises a reminder this many days before it expires. */
export const DISCLOSURE_WARNING_DAYS = 14;

const OPEN: Prisma.CaseWhereInput = { stage: { notIn: ['closed', 'follow_up'] } };
const person = { select: { id: true, disabledAt: true } } as const;
type Person = { id: string; disabledAt: Date | null } | null;
/** A user who can still act on a reminder: exists and is not disabled. */
const live = (u: Person) => (u && !u.disabledAt ? u.id : null);

/**
 * The first day on which a referral submitted at `submittedAt` is past an SLA of `slaDays` working days
 * (its (slaDays + 1)th working day, by the municipality's weekend, holidays and local date).
 */
export function screeningOverdueFrom(submittedAt: Date, slaDays: number, calendar: WorkCalendar = PLAIN_CALENDAR): Date {
  return addWorkingDays(submittedAt, slaDays + 1, calendar);
}

/**
 * Everything due in one municipality at `now`, and for whom:
 * - review overdue (open case, next review before today) → key worker, else the coordinators;
 * - intervention past due, neither completed nor cancelled, on an open case → assignee, else key worker;
 * - task past due and not done, on an open case → assignee, else key worker;
 * - referral still unscreened past the screening SLA (working days) → the coordinators;
 * - disclosure on an open case expiring within 14 days → the coordinators;
 * - follow-up date reached on a closed case → key worker and coordinators;
 * - consent on an open case expiring within 14 days → key worker, else the coordinators (consent/expiry.ts);
 * - onward referral unanswered after the municipality's onwardAnswerDays working days → the receiving
 *   agency's practitioners and the sender, else the coordinators (onward/due.ts).
 * Nothing else about closed cases; nobody who is disabled. When nobody named is left, the coordinators.
 * "Today" and working days are the municipality's (its zone, weekend and public holidays).
 */
export async function dueItems(db: DbClient, municipalityId: string, now: Date): Promise<DueItem[]> {
  const calendar = await loadCalendar(db, municipalityId, now);
  const today = calendar.today;
  const own = { municipalityId };
  const [municipality, coordinators, reviews, interventions, tasks, disclosures, followUps] = await Promise.all([
    db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { screeningSlaDays: true } }),
    db.user.findMany({ where: { ...own, role: 'coordinator', disabledAt: null }, select: { id: true }, orderBy: { id: 'asc' } }),
    db.case.findMany({
      where: { ...own, ...OPEN, nextReviewAt: { lt: today } },
      select: { id: true, nextReviewAt: true, keyWorker: person },
    }),
    db.intervention.findMany({
      where: { ...own, status: { in: ['planned', 'active'] }, dueDate: { lt: today }, case: { is: OPEN } },
      select: { id: true, caseId: true, dueDate: true, assignee: person, case: { select: { keyWorker: person } } },
    }),
    db.caseTask.findMany({
      where: { ...own, doneAt: null, dueDate: { lt: today }, case: { is: OPEN } },
      select: { id: true, caseId: true, dueDate: true, assignee: person, case: { select: { keyWorker: person } } },
    }),
    db.disclosure.findMany({
      where: {
        ...own,
        revokedAt: null,
        expiresAt: { gt: now, lte: new Date(now.getTime() + DISCLOSURE_WARNING_DAYS * DAY_MS) },
        case: { is: OPEN },
        OR: [{ agencyId: null }, { agency: { is: { active: true } } }],
      },
      select: { id: true, caseId: true, expiresAt: true },
    }),
    db.case.findMany({
      where: { ...own, stage: 'closed', followUpAt: { lte: today } },
      select: { id: true, followUpAt: true, keyWorker: person },
    }),
  ]);
  const sla = municipality.screeningSlaDays;
  // Working days never outnumber calendar days: only referrals older than the SLA in calendar days can be late.
  const waiting = await db.referral.findMany({
    where: { ...own, status: 'submitted', submittedAt: { lt: addDays(today, 1 - sla) } },
    select: { id: true, submittedAt: true },
  });

  const coordinatorIds = coordinators.map((c) => c.id);
  const toCoordinators = (ids: (string | null)[]) => {
    const named = ids.filter((id): id is string => id !== null);
    return named.length ? named : coordinatorIds;
  };
  const items: DueItem[] = [];
  const add = (userIds: string[], item: Omit<DueItem, 'userId'>) => {
    for (const userId of new Set(userIds)) items.push({ ...item, userId });
  };

  for (const c of reviews) {
    add(toCoordinators([live(c.keyWorker)]), {
      kind: 'review_overdue',
      entityType: 'Case',
      entityId: c.id,
      caseId: c.id,
      dueAt: c.nextReviewAt!,
    });
  }
  for (const i of interventions) {
    const to = live(i.assignee) ?? live(i.case.keyWorker);
    add(toCoordinators([to]), {
      kind: 'intervention_overdue',
      entityType: 'Intervention',
      entityId: i.id,
      caseId: i.caseId,
      dueAt: i.dueDate!,
    });
  }
  for (const t of tasks) {
    const to = live(t.assignee) ?? live(t.case.keyWorker);
    add(toCoordinators([to]), { kind: 'task_overdue', entityType: 'CaseTask', entityId: t.id, caseId: t.caseId, dueAt: t.dueDate! });
  }
  for (const r of waiting) {
    if (workingDaysBetween(r.submittedAt, now, calendar) <= sla) continue;
    add(coordinatorIds, {
      kind: 'screening_overdue',
      entityType: 'Referral',
      entityId: r.id,
      caseId: null,
      dueAt: screeningOverdueFrom(r.submittedAt, sla, calendar),
    });
  }
  for (const d of disclosures) {
    add(coordinatorIds, {
      kind: 'disclosure_expiring',
      entityType: 'Disclosure',
      entityId: d.id,
      caseId: d.caseId,
      dueAt: dayIn(d.expiresAt, calendar.timeZone),
    });
  }
  for (const c of followUps) {
    const keyWorker = live(c.keyWorker);
    add([...(keyWorker ? [keyWorker] : []), ...coordinatorIds], {
      kind: 'follow_up_due',
      entityType: 'Case',
      entityId: c.id,
      caseId: c.id,
      dueAt: c.followUpAt!,
    });
  }
  items.push(...(await consentDueItems(db, municipalityId, now, calendar.timeZone, coordinatorIds)));
  items.push(...(await onwardDueItems(db, municipalityId, now, calendar, coordinatorIds)));
  return items;
}
