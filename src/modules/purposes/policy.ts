import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * The list of purposes is a setting (DESIGN: admin, "settings (…, lists)"): the admin adds, relabels,
 * retires and restores. Coordinators read it to choose a disclosure's purpose. Own municipality only.
 */
export function definePurposeRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'admin') can(['read', 'create', 'update'], 'DisclosurePurpose', own);
  if (user.role === 'coordinator') can('read', 'DisclosurePurpose', own);
}
