import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Everyone chooses their own alerts, and only their own. The admin sees the municipality's alerts that
 * could not be sent (no names in them: a kind, a reference, the mail server's code).
 */
export function defineAlertRules(user: SessionUser, { can }: RuleBuilder) {
  can(['read', 'update'], 'AlertPreference', { municipalityId: user.municipalityId, userId: user.id });
  // The admin may also send a failed alert again (alerts.retry), once the mail server is put right.
  if (user.role === 'admin') can(['read', 'update'], 'AlertOutbox', { municipalityId: user.municipalityId });
}
