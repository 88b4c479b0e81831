import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/** Auditors read and verify their municipality's audit log and read and review its flags; nobody may change the log. */
export function defineAuditRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'auditor') can(['read', 'verify'], 'AuditEvent', { municipalityId: user.municipalityId });
  if (user.role === 'auditor') can(['read', 'review'], 'AuditFlag', { municipalityId: user.municipalityId });
  // "Access history of a case or person" (DESIGN): the auditor, and the coordinator, who sees every case.
  if (user.role === 'auditor' || user.role === 'coordinator') can('history', 'AuditEvent', { municipalityId: user.municipalityId });
}
