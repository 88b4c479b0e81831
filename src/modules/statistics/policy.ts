import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * "Statistics (pseudonymised, suppressed < 5)": the coordinator and the auditor, of their own
 * municipality only. Nobody else, not the admin (no case content), not a social worker or
 * practitioner (who see their own casework only).
 */
export function defineStatisticsRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'coordinator' || user.role === 'auditor') can('statistics', 'Municipality', { id: user.municipalityId });
}
