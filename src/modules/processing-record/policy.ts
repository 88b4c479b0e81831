import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * The record of processing (the declaration to Tunisia's INPDP or Morocco's CNDP) describes the
 * municipality's processing, never a person: the admin keeps the settings it is made from (DESIGN:
 * "users, agencies, settings") and the coordinator runs the network whose disclosures it counts, so
 * both may produce it. Own municipality only.
 */
export function defineProcessingRecordRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'admin' || user.role === 'coordinator') can('declare', 'Municipality', { id: user.municipalityId });
}
