import { z } from 'zod';
import { text } from '../../lib/text.js';
import { FACTOR_DOMAINS, FACTOR_RATINGS } from '../../shared/vocabulary.js';

const Id = z.uuid();
const Label = text().min(2).max(200);
/** An empty comment is no comment. */
const Comment = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((c) => c || undefined);

export const ListFactorsInput = z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true });

export const CreateFactorInput = z.object({
  domain: z.enum(FACTOR_DOMAINS),
  /** A stable identifier within the municipality; made up from a random tag when left out. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,59}$/)
    .optional(),
  labelAr: Label,
  labelFr: Label,
  labelEn: Label,
  position: z.number().int().min(0).max(1000).optional(),
});

/** Labels, order, active. The domain never changes: past ratings would change meaning. */
export const UpdateFactorInput = z
  .object({
    id: Id,
    labelAr: Label.optional(),
    labelFr: Label.optional(),
    labelEn: Label.optional(),
    position: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).some((k) => k !== 'id' && u[k as keyof typeof u] !== undefined), { message: 'required', path: ['active'] });

export const ListAssessmentsInput = z.object({ caseId: Id });

export const CreateAssessmentInput = z.object({
  caseId: Id,
  ratings: z
    .array(z.object({ factorId: Id, rating: z.enum(FACTOR_RATINGS), comment: Comment }))
    .max(300)
    .refine((r) => new Set(r.map((x) => x.factorId)).size === r.length, { message: 'duplicate' }),
  /** In words, never a computed score. */
  overallJudgement: text().min(1).max(20_000),
});

export type CreateFactor = z.infer<typeof CreateFactorInput>;
export type UpdateFactor = z.infer<typeof UpdateFactorInput>;
export type CreateAssessment = z.infer<typeof CreateAssessmentInput>;
