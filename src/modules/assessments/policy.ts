import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { liveDisclosureTo } from '../cases/policy.js';

/**
 * Assessments and the municipality's factor list (DESIGN.md, "rate an assessment" and the
 * assessments section). Reading follows the case's `read:assessments`: the coordinator, the key
 * worker, and whoever holds a live disclosure that includes the assessments section. Rating is
 * the same reach, and only for users marked as trained assessors. The admin keeps the factor
 * list (no case content); everyone who may read assessments reads the factors to make sense of them.
 */
export function defineAssessmentRules(user: SessionUser, { can }: RuleBuilder, now: Date) {
  const own = { municipalityId: user.municipalityId };
  const disclosed = { ...own, disclosures: { some: liveDisclosureTo(user, now, 'assessments') } };
  const rated = user.trainedAssessor;
  const grant = (caseRule: Prisma.CaseWhereInput) => {
    can('read', 'Assessment', { ...own, case: { is: caseRule } });
    if (rated) can('rate', 'Assessment', { ...own, case: { is: caseRule } });
  };

  if (user.role === 'admin') {
    can(['read', 'create', 'update'], 'AssessmentFactor', own);
    return;
  }
  if (user.role === 'coordinator') {
    grant(own);
  } else if (user.role === 'social_worker') {
    grant({ ...own, keyWorkerId: user.id });
    grant(disclosed);
  } else if (user.role === 'agency_practitioner') {
    grant(disclosed);
  } else {
    return;
  }
  can('read', 'AssessmentFactor', own);
}
