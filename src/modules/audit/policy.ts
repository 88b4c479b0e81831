import type { RuleBuilder } from '../../auth/ability.js';
import type { SessionUser } from '../../auth/session.js';

/** Auditors read and verify their municipality's audit log; nobody may change it. */
export function defineAuditRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'auditor') can(['read', 'verify'], 'AuditEvent', { municipalityId: user.municipalityId });
}
