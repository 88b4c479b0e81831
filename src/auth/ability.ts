import { AbilityBuilder } from '@casl/ability';
import { createPrismaAbility, type AppAbility } from './casl.js';
import type { SessionUser } from './session.js';
import { defineAgencyRules } from '../modules/agencies/policy.js';
import { defineUserRules } from '../modules/users/policy.js';
import { defineAuditRules } from '../modules/audit/policy.js';
import { defineSessionRules } from '../modules/auth/policy.js';
import { definePeopleRules } from '../modules/people/policy.js';
import { defineReferralRules } from '../modules/referrals/policy.js';
import { defineCaseRules } from '../modules/cases/policy.js';
import { defineBreakGlassRules } from '../modules/cases/break-glass-policy.js';
import { defineAssessmentRules } from '../modules/assessments/policy.js';
import { defineMeetingRules } from '../modules/meetings/policy.js';
import { defineWorkRules } from '../modules/work/policy.js';
import { defineCorrectionRules } from '../modules/history/policy.js';
import { defineStatisticsRules } from '../modules/statistics/policy.js';
import { defineSubjectAccessRules } from '../modules/subject-access/policy.js';
import { defineOnwardRules } from '../modules/onward/policy.js';
import { defineTransferRules } from '../modules/transfers/policy.js';
import { definePurposeRules } from '../modules/purposes/policy.js';
import { defineListRules } from '../modules/lists/policy.js';
import { defineProcessingRecordRules } from '../modules/processing-record/policy.js';
import { defineRetentionRules } from '../modules/retention/policy.js';
import { defineAlertRules } from '../modules/alerts/policy.js';
import { defineHubMunicipalityRules, defineHubRules } from '../modules/hub/policy.js';

/**
 * The user's abilities, built once per request from role, municipality (and its kind) and agency.
 * Deny by default: only what a module's policy grants is allowed, and every grant is scoped
 * to the user's own municipality. `now` fixes when disclosures count as expired for this request.
 */
export function defineAbilityFor(user: SessionUser, now: Date = new Date()): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  // A hub holds no casework and no people: its users get the hub's rules and none of a city's.
  if (user.municipality.kind === 'hub') {
    defineHubMunicipalityRules(user, builder);
    return builder.build();
  }
  defineSessionRules(user, builder);
  defineAgencyRules(user, builder);
  defineUserRules(user, builder);
  defineAuditRules(user, builder);
  definePeopleRules(user, builder, now);
  defineReferralRules(user, builder);
  defineCaseRules(user, builder, now);
  defineBreakGlassRules(user, builder, now);
  defineAssessmentRules(user, builder, now);
  defineMeetingRules(user, builder, now);
  defineWorkRules(user, builder, now);
  defineCorrectionRules(user, builder);
  defineStatisticsRules(user, builder);
  defineSubjectAccessRules(user, builder);
  defineOnwardRules(user, builder);
  defineTransferRules(user, builder);
  definePurposeRules(user, builder);
  defineListRules(user, builder);
  defineProcessingRecordRules(user, builder);
  defineRetentionRules(user, builder);
  defineAlertRules(user, builder);
  defineHubRules(user, builder);
  return builder.build();
}
