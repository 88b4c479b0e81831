import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import { CASE_WORKER_ROLES, hasRole } from '../../shared/roles.js';

/**
 * Referrals: social workers, coordinators and agency practitioners log them; referrers see the
 * status of their own; coordinators see and screen every referral of their municipality.
 */
export function defineReferralRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (!hasRole(CASE_WORKER_ROLES, user.role)) return;
  can('create', 'Referral', own);
  can('read', 'Referral', { ...own, referrerId: user.id });
  if (user.role === 'coordinator') can(['read', 'screen'], 'Referral', own);
}
