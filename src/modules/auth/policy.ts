import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/** Everyone sees and ends only their own sessions. */
export function defineSessionRules(user: SessionUser, { can }: RuleBuilder) {
  can(['read', 'update'], 'Session', { userId: user.id, municipalityId: user.municipalityId });
}
