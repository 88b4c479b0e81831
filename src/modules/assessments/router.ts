import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import * as s from './schema.js';
import { createFactor, listFactors, updateFactor } from './factors.js';
import { createAssessment, listAssessments } from './service.js';

/** Assessments of a case, and the municipality's factor list (the framework). */
export const assessmentsRouter = t.router({
  factors: procedure('assessment.factor.list', { entity: 'AssessmentFactor' })
    .input(s.ListFactorsInput)
    .query(({ ctx, input }) => listFactors(ctx, input.includeInactive)),
  createFactor: procedure('assessment.factor.create', { entity: 'AssessmentFactor', idempotent: true })
    .input(s.CreateFactorInput)
    .mutation(({ ctx, input }) => createFactor(ctx, input)),
  updateFactor: procedure('assessment.factor.update', { entity: 'AssessmentFactor', idFrom: 'id' })
    .input(s.UpdateFactorInput)
    .mutation(({ ctx, input }) => updateFactor(ctx, input)),
  list: procedure('assessment.list', { entity: 'Case', idFrom: 'caseId' })
    .input(s.ListAssessmentsInput)
    .query(({ ctx, input }) => listAssessments(ctx, input.caseId)),
  create: procedure('assessment.create', { entity: 'Case', idFrom: 'caseId', idempotent: true })
    .input(s.CreateAssessmentInput)
    .mutation(({ ctx, input }) => createAssessment(ctx, input)),
});
