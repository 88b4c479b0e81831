import type { RuleBuilder } from '../../auth/ability.js';
import type { SessionUser } from '../../auth/session.js';

/** Assessments and the municipality's factor list (filled in with the assessments module). */
export function defineAssessmentRules(_user: SessionUser, _builder: RuleBuilder, _now: Date) {}
