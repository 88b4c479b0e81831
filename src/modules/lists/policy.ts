import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * The municipality's lists (cohorts, concern categories, intervention types, closure reasons) are a
 * setting (DESIGN: admin, "settings (…, lists)"): the admin adds, relabels, reorders, retires and restores.
 * Coordinators keep no list (a list changes what every city's figures count, so one owner decides);
 * the roles that fill in referrals, plans and closures read them to choose and to show their labels.
 * Own municipality only.
 */
export function defineListRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'admin') can(['read', 'create', 'update'], 'ListItem', own);
  if (user.role === 'coordinator' || user.role === 'social_worker' || user.role === 'agency_practitioner') can('read', 'ListItem', own);
}
