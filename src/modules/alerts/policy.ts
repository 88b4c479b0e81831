import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Everyone chooses their own alerts, and only their own. The admin sees the municipality's alerts that
 * could not be sent (no names in them: a kind, a reference, the mail server's code).
 */
export function defineAlertRules(user: SessionUser, { can }: RuleBuilder) {
  can(['read', 'update'], 'AlertPreference', { municipalityId: user.municipalityId, userId: user.id });
  if (user.role === 'admin') can('read', 'AlertOutbox', { municipalityId: user.municipalityId });
}
