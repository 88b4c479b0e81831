import { z } from 'zod';
import { notFound } from '../../errors.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { DbClient } from '../../db.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import { CASELOAD_KINDS, type CaseloadKind } from '../../shared/handover.js';
import { CASE_WORKER_ROLES } from '../../shared/roles.js';

export const CaseloadInput = z.object({ userId: z.uuid() });

/**
 * One thing assigned to the account: what it is, its case's reference and a date. Never a title, a
 * type or a purpose (case content): an admin sees this list too.
 */
export interface CaseloadItem {
  kind: CaseloadKind;
  id: string;
  caseId: string | null;
  caseReference: string | null;
  /** A due date, a meeting's date, a disclosure's expiry; null when there is none. */
  date: Date | null;
  /** The responsible agency of an intervention: a practitioner may only take over their own agency's. */
  agencyId: string | null;
  /** The meeting of an invitation. */
  meetingId: string | null;
}

/** Cases still worked: open, or closed with a follow-up check ahead (jobs/due.ts counts the same ones). */
export const WORKED_CASE: Prisma.CaseWhereInput = {
  OR: [{ stage: { notIn: ['closed', 'follow_up'] } }, { stage: 'closed', followUpAt: { not: null } }],
};
export const OPEN_CASE: Prisma.CaseWhereInput = { stage: { notIn: ['closed', 'follow_up'] } };
const ref = { select: { reference: true } } as const;
const LIMIT = 1000;

/** Everything assigned to `userId` now (the caller has already found the account within their rules). */
export async function caseloadOf(db: DbClient, userId: string, municipalityId: string, now: Date): Promise<CaseloadItem[]> {
  const [cases, interventions, tasks, invitations, disclosures] = await Promise.all([
    db.case.findMany({
      where: { municipalityId, keyWorkerId: userId, ...WORKED_CASE },
      select: { id: true, reference: true, nextReviewAt: true },
      orderBy: { reference: 'asc' },
      take: LIMIT,
    }),
    db.intervention.findMany({
      where: { municipalityId, assigneeId: userId, status: { in: ['planned', 'active'] }, case: { is: OPEN_CASE } },
      select: { id: true, caseId: true, dueDate: true, agencyId: true, case: ref },
      orderBy: { createdAt: 'asc' },
      take: LIMIT,
    }),
    db.caseTask.findMany({
      where: { municipalityId, assigneeId: userId, doneAt: null, case: { is: OPEN_CASE } },
      select: { id: true, caseId: true, dueDate: true, case: ref },
      orderBy: { createdAt: 'asc' },
      take: LIMIT,
    }),
    db.meetingInvitee.findMany({
      where: { municipalityId, userId, meeting: { is: { status: 'scheduled' } } },
      select: { id: true, meeting: { select: { id: true, scheduledAt: true } } },
      orderBy: { meeting: { scheduledAt: 'asc' } },
      take: LIMIT,
    }),
    db.disclosure.findMany({
      where: { municipalityId, userId, revokedAt: null, expiresAt: { gt: now }, case: { is: OPEN_CASE } },
      select: { id: true, caseId: true, expiresAt: true, case: ref },
      orderBy: { createdAt: 'asc' },
      take: LIMIT,
    }),
  ]);
  const none = { caseId: null, caseReference: null, date: null, agencyId: null, meetingId: null };
  return [
    ...cases.map((c) => ({ ...none, kind: 'case' as const, id: c.id, caseId: c.id, caseReference: c.reference, date: c.nextReviewAt })),
    ...interventions.map((i) => ({
      ...none,
      kind: 'intervention' as const,
      id: i.id,
      caseId: i.caseId,
      caseReference: i.case.reference,
      date: i.dueDate,
      agencyId: i.agencyId,
    })),
    ...tasks.map((t) => ({ ...none, kind: 'task' as const, id: t.id, caseId: t.caseId, caseReference: t.case.reference, date: t.dueDate })),
    ...invitations.map((m) => ({ ...none, kind: 'invitation' as const, id: m.id, date: m.meeting.scheduledAt, meetingId: m.meeting.id })),
    ...disclosures.map((d) => ({
      ...none,
      kind: 'disclosure' as const,
      id: d.id,
      caseId: d.caseId,
      caseReference: d.case.reference,
      date: d.expiresAt,
    })),
  ];
}

/** How many items of each kind. */
export const countByKind = (items: readonly CaseloadItem[]) =>
  Object.fromEntries(CASELOAD_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<CaseloadKind, number>;

/** The account whose caseload the caller oversees (admin or coordinator of its municipality), or NOT_FOUND. */
export async function findOverseen(ctx: ServiceContext, userId: string) {
  assertCan(ctx.ability, 'oversee', 'User');
  const user = await ctx.db.user.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'oversee').ofType('User'), { id: userId }] },
    select: { id: true, displayName: true, role: true, agencyId: true, disabledAt: true, municipalityId: true },
  });
  if (!user) throw notFound('User', userId);
  return user;
}

/**
 * What is assigned to an account: counts by kind, the items with their case references and dates,
 * and how many of its reminders are still open (they follow the items they are about). Audited with
 * the cases it names, so they appear in those cases' access history.
 */
export async function caseload(ctx: ServiceContext, userId: string) {
  const { municipalityId, ...user } = await findOverseen(ctx, userId);
  const items = await caseloadOf(ctx.db, userId, municipalityId, ctx.clock());
  const reminders = await ctx.db.reminder.count({ where: { municipalityId, userId, dismissedAt: null } });
  const counts = countByKind(items);
  // Who may take it over: active colleagues who work cases (the web offers each item only those mayReceive allows).
  const receivers = await ctx.db.user.findMany({
    where: { municipalityId, disabledAt: null, role: { in: [...CASE_WORKER_ROLES] }, id: { not: userId } },
    select: { id: true, displayName: true, role: true, agencyId: true },
    orderBy: { displayName: 'asc' },
    take: LIMIT,
  });
  const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
  ctx.audit.subject('User', userId).detail({ counts }).touched('Case', caseIds);
  return { user, counts, reminders, items, receivers };
}
