import { assertCan } from '../../auth/guard.js';
import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { openWords } from '../../crypto/envelope.js';
import { TASK_TITLE_FIELD } from '../meetings/access.js';
import type { ReminderKind } from '../../shared/vocabulary.js';
import { municipalToday } from './calendar.js';

/** More than anyone can act on in a day; "my work" is a to-do list, not an archive. */
const MAX_ITEMS = 200;

export interface WorkItem {
  /** Stable key for the page: the reminder's id, or `task:<id>` for a task without one. */
  key: string;
  kind: ReminderKind | 'task';
  dueAt: Date | null;
  /** Due day already passed (a disclosure reminder is raised before its day comes). */
  overdue: boolean;
  reminderId: string | null;
  task: { id: string; title: string } | null;
  case: { id: string; reference: string } | null;
  referral: { id: string } | null;
  /** An onward referral to answer or to chase (modules/onward); its page is the inbox or the case. */
  onward: { id: string } | null;
}

/**
 * "My work": what is due or overdue for the user, then what is coming.
 * - `now`: the user's open reminders (raised by the sweep) and their overdue tasks, newest due day
 *   first, as the issue asks: what just fell due is what the user has not seen yet, and older items
 *   carry their date, so the user sees how long each has waited.
 * - `upcoming`: their open tasks not yet due, soonest first, then those without a date.
 * Items about a case the user can no longer read (a disclosure expired or was revoked, a transfer)
 * or a referral they may no longer see are left out. Audited with the cases and referrals shown.
 */
export async function myWork(ctx: ServiceContext) {
  assertCan(ctx.ability, 'read', 'Reminder');
  const today = await municipalToday(ctx.db, ctx.user.municipalityId, ctx.clock());
  const [reminders, sealedTasks] = await Promise.all([
    ctx.db.reminder.findMany({
      where: { AND: [accessibleBy(ctx.ability).ofType('Reminder'), { userId: ctx.user.id, dismissedAt: null }] },
      select: { id: true, kind: true, entityType: true, entityId: true, caseId: true, dueAt: true },
      orderBy: [{ dueAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_ITEMS,
    }),
    ctx.db.caseTask.findMany({
      where: { AND: [accessibleBy(ctx.ability).ofType('CaseTask'), { assigneeId: ctx.user.id, doneAt: null }] },
      select: { id: true, title: true, dueDate: true, caseId: true },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      take: MAX_ITEMS,
    }),
  ]);
  // A task's title is under its case's key, bound to the task (meetings/decide.ts).
  const tasks = await Promise.all(sealedTasks.map(async (t) => ({ ...t, title: await openWords(ctx, TASK_TITLE_FIELD, t.id, t.title) })));
  const caseIds = [...new Set([...reminders.flatMap((r) => (r.caseId ? [r.caseId] : [])), ...tasks.map((t) => t.caseId)])];
  const referralIds = reminders.filter((r) => r.entityType === 'Referral').map((r) => r.entityId);
  const [cases, referrals] = await Promise.all([
    caseIds.length
      ? ctx.db.case.findMany({
          where: { AND: [accessibleBy(ctx.ability).ofType('Case'), { id: { in: caseIds } }] },
          select: { id: true, reference: true },
        })
      : [],
    referralIds.length
      ? ctx.db.referral.findMany({
          where: { AND: [accessibleBy(ctx.ability).ofType('Referral'), { id: { in: referralIds } }] },
          select: { id: true },
        })
      : [],
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const visibleReferrals = new Set(referrals.map((r) => r.id));
  const taskById = new Map(tasks.map((t) => [t.id, t]));

  const now: WorkItem[] = [];
  const raised = new Set<string>();
  for (const r of reminders) {
    const c = r.caseId ? caseById.get(r.caseId) : undefined;
    if (r.caseId && !c) continue;
    if (r.entityType === 'Referral' && !visibleReferrals.has(r.entityId)) continue;
    const task = r.kind === 'task_overdue' ? taskById.get(r.entityId) : undefined;
    if (task) raised.add(task.id);
    now.push({
      key: r.id,
      kind: r.kind,
      dueAt: r.dueAt,
      overdue: r.dueAt < today,
      reminderId: r.id,
      task: task ? { id: task.id, title: task.title } : null,
      case: c ?? null,
      referral: r.entityType === 'Referral' ? { id: r.entityId } : null,
      onward: r.entityType === 'OnwardReferral' ? { id: r.entityId } : null,
    });
  }
  const upcoming: WorkItem[] = [];
  for (const t of tasks) {
    const c = caseById.get(t.caseId);
    if (!c || raised.has(t.id)) continue;
    const overdue = t.dueDate !== null && t.dueDate < today;
    const item: WorkItem = {
      key: `task:${t.id}`,
      kind: 'task',
      dueAt: t.dueDate,
      overdue,
      reminderId: null,
      task: { id: t.id, title: t.title },
      case: c,
      referral: null,
      onward: null,
    };
    // An overdue task the sweep has not reached yet belongs with what is due now.
    (overdue ? now : upcoming).push(item);
  }
  now.sort((a, b) => (b.dueAt?.getTime() ?? 0) - (a.dueAt?.getTime() ?? 0));

  ctx.audit.detail({ count: now.length + upcoming.length });
  ctx.audit
    .touched(
      'Case',
      [...now, ...upcoming].flatMap((i) => (i.case ? [i.case.id] : [])),
    )
    .touched(
      'Referral',
      now.flatMap((i) => (i.referral ? [i.referral.id] : [])),
    );
  return { now, upcoming };
}
