import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/** Admins manage their municipality's agencies; coordinators read them to build case teams. */
export function defineAgencyRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'admin') can(['read', 'create', 'update'], 'Agency', own);
  if (user.role === 'coordinator') can('read', 'Agency', own);
}
