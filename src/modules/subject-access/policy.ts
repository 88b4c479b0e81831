import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Subject access (DESIGN: "legal hold, subject-access export, retention preview": coordinator only).
 * A coordinator prepares, reviews, releases and prints the export of any person of their municipality;
 * a merged (hidden) record is reached through the person it was merged into.
 */
export function defineSubjectAccessRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role !== 'coordinator') return;
  can('subjectAccess', 'Person', { municipalityId: user.municipalityId, mergedIntoId: null });
}
