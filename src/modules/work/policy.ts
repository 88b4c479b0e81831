import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import { CASE_WORKER_ROLES, hasRole } from '../../shared/roles.js';

/**
 * Reviews, reminders, tasks and municipal settings.
 * - Review a case (record it, set the next date): the coordinator, or the key worker.
 * - Reminders: each user reads and dismisses their own, nobody else's.
 * - Tasks: the assignee reads and completes their own; the coordinator every task of the
 *   municipality. Whether the case itself is still visible is checked on top (a task or reminder
 *   about a case whose disclosure expired is out of reach).
 * - Settings (review interval, screening deadline): the admin of the municipality only; of them, the
 *   sign-in and audit-flag settings (second-factor roles, working hours, flag thresholds) are also the
 *   actions `read:security`/`update:security`, the only settings a hub's admin keeps (hub/policy.ts).
 */
export function defineWorkRules(user: SessionUser, { can }: RuleBuilder, _now: Date) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'coordinator') can('review', 'Case', own);
  if (user.role === 'social_worker') can('review', 'Case', { ...own, keyWorkerId: user.id });
  if (hasRole(CASE_WORKER_ROLES, user.role)) {
    can(['read', 'update'], 'Reminder', { ...own, userId: user.id });
    can(['read', 'update'], 'CaseTask', { ...own, assigneeId: user.id });
  }
  if (user.role === 'coordinator') can(['read', 'update'], 'CaseTask', own);
  if (user.role === 'admin') can(['read', 'update', 'read:security', 'update:security'], 'Municipality', { id: user.municipalityId });
}
