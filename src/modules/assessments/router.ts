import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import * as s from './schema.js';
import { createFactor, listFactors, updateFactor } from './factors.js';
import { createAssessment, listAssessments } from './service.js';

/** A procedure audited (allowed or denied) under `action`. */
const audited = (action: string) => authedProcedure.meta({ action });

/** Assessments of a case, and the municipality's factor list (the framework). */
export const assessmentsRouter = t.router({
  factors: audited('assessment.factor.list').input(s.ListFactorsInput).query(({ ctx, input }) => listFactors(ctx, input.includeInactive)),
  createFactor: audited('assessment.factor.create').input(s.CreateFactorInput).mutation(({ ctx, input }) => createFactor(ctx, input)),
  updateFactor: audited('assessment.factor.update').input(s.UpdateFactorInput).mutation(({ ctx, input }) => updateFactor(ctx, input)),
  list: audited('assessment.list').input(s.ListAssessmentsInput).query(({ ctx, input }) => listAssessments(ctx, input.caseId)),
  create: audited('assessment.create').input(s.CreateAssessmentInput).mutation(({ ctx, input }) => createAssessment(ctx, input)),
});
