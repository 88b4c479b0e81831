import { z } from 'zod';
import { text } from '../../lib/text.js';

export const DOMAINS = ['engagement', 'intent', 'capability', 'protective'] as const;
export const RISK_DOMAINS = ['engagement', 'intent', 'capability'] as const;
export const RISK_RATINGS = ['low', 'moderate', 'high', 'unknown'] as const;
export const PROTECTIVE_RATINGS = ['present', 'absent', 'unknown'] as const;
export const RATINGS = ['low', 'moderate', 'high', 'present', 'absent', 'unknown'] as const;

export type Domain = (typeof DOMAINS)[number];
export type Rating = (typeof RATINGS)[number];

/** The scale a factor of `domain` is rated on; "unknown" is always allowed and always distinct. */
export const scaleOf = (domain: Domain): readonly Rating[] => (domain === 'protective' ? PROTECTIVE_RATINGS : RISK_RATINGS);

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
  domain: z.enum(DOMAINS),
  /** A stable identifier within the municipality; made up from a random tag when left out. */
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{2,59}$/).optional(),
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
    .array(z.object({ factorId: Id, rating: z.enum(RATINGS), comment: Comment }))
    .max(300)
    .refine((r) => new Set(r.map((x) => x.factorId)).size === r.length, { message: 'duplicate' }),
  /** In words, never a computed score. */
  overallJudgement: text().min(1).max(20_000),
});

export type CreateFactor = z.infer<typeof CreateFactorInput>;
export type UpdateFactor = z.infer<typeof UpdateFactorInput>;
export type CreateAssessment = z.infer<typeof CreateAssessmentInput>;
