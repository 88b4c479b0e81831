import type { RuleBuilder } from '../../auth/ability.js';
import type { SessionUser } from '../../auth/session.js';

/** Admins manage the accounts of their own municipality, and nobody else's. */
export function defineUserRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'admin') can(['read', 'create', 'update'], 'User', { municipalityId: user.municipalityId });
}
