import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Retention (DESIGN: "legal hold, subject-access export, retention preview": coordinator; "settings
 * (…, retention rules, …)": admin).
 * - A legal hold on a case, placed and lifted: the coordinator of the municipality, on any of its cases.
 * - The preview of what will be anonymised: the coordinator.
 * - The retention rules: the admin, through the municipality's settings (work/policy.ts gives the admin
 *   read and update on the Municipality; nobody else has them).
 * - Deletion certificates hold no personal data (counts, a rule, the audit event): the coordinator, the
 *   auditor (who verifies them against the audit chain) and the admin (who keeps the rules) read them.
 */
export function defineRetentionRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  const town = { id: user.municipalityId };
  if (user.role === 'coordinator') {
    can('hold', 'Case', own);
    can('preview', 'Municipality', town);
  }
  if (user.role === 'coordinator' || user.role === 'auditor' || user.role === 'admin') can('read:certificates', 'Municipality', town);
}
