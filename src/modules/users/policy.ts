import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Admins manage the accounts of their own municipality, and nobody else's. Coordinators look up
 * active colleagues (names, roles, agencies) to assign key workers and build case teams.
 */
export function defineUserRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'admin') can(['read', 'create', 'update'], 'User', { municipalityId: user.municipalityId });
  if (user.role === 'coordinator') can('directory', 'User', { municipalityId: user.municipalityId, disabledAt: null });
}
