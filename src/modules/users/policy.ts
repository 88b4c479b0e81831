import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Admins manage the accounts of their own municipality, and nobody else's. Coordinators look up
 * active colleagues (names, roles, agencies) to assign key workers and build case teams. Both
 * oversee an account's caseload and hand it over when someone leaves (caseload.ts, handover.ts): the
 * admin because a departure is an account matter, the coordinator because they assign the work.
 */
export function defineUserRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'admin') can(['read', 'create', 'update'], 'User', { municipalityId: user.municipalityId });
  if (user.role === 'coordinator') can('directory', 'User', { municipalityId: user.municipalityId, disabledAt: null });
  if (user.role === 'admin' || user.role === 'coordinator') can('oversee', 'User', { municipalityId: user.municipalityId });
}
