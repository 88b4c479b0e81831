import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Everyone sees and ends only their own sessions. Admins also oversee (see and end) every session of
 * their municipality's accounts (users/sessions.ts): a separate action, so their own list stays theirs.
 */
export function defineSessionRules(user: SessionUser, { can }: RuleBuilder) {
  can(['read', 'update'], 'Session', { userId: user.id, municipalityId: user.municipalityId });
  if (user.role === 'admin') can('oversee', 'Session', { municipalityId: user.municipalityId });
}
