import type { Db } from '../../src/db.js';
import type { FactorDomain, FactorRating } from '../../src/generated/prisma/enums.js';
import { JUDGEMENT_FIELD } from '../../src/modules/assessments/service.js';
import { testKeyring } from './callers.js';

/** Marks a factory-made user as a trained assessor (or not). */
export async function makeAssessor<U extends { id: string }>(db: Db, user: U, trained = true): Promise<U> {
  await db.user.update({ where: { id: user.id }, data: { trainedAssessor: trained }, select: { id: true } });
  return user;
}

/** The municipality's active factors in the form's order (the trigger seeds the defaults). */
export function activeFactors(db: Db, municipalityId: string) {
  return db.assessmentFactor.findMany({
    where: { municipalityId, active: true },
    select: { id: true, domain: true, code: true },
    orderBy: [{ domain: 'asc' }, { position: 'asc' }, { code: 'asc' }],
  });
}

/** A typical rating of each domain: risk factors "moderate", protective ones "present". */
export const defaultRating = (domain: FactorDomain): FactorRating => (domain === 'protective' ? 'present' : 'moderate');

/**
 * A complete form for the municipality's active factors: each rated by `pick` (default: a typical
 * rating), with an optional comment.
 */
export async function fullRatings(
  db: Db,
  municipalityId: string,
  pick: (f: { id: string; domain: FactorDomain; code: string }, i: number) => FactorRating = (f) => defaultRating(f.domain),
  comment?: (f: { code: string }) => string | undefined,
) {
  const factors = await activeFactors(db, municipalityId);
  return factors.map((f, i) => ({ factorId: f.id, rating: pick(f, i), comment: comment?.(f) }));
}

/** An assessment stored as assessments.create would store it (encrypted), without the timeline. */
export async function makeAssessment(
  db: Db,
  c: { id: string; municipalityId: string },
  data: {
    assessorId: string;
    assessedAt: Date;
    judgement?: string;
    pick?: (f: { domain: FactorDomain; code: string }, i: number) => FactorRating;
  },
) {
  const ratings = await fullRatings(db, c.municipalityId, data.pick);
  return db.assessment.create({
    data: {
      caseId: c.id,
      municipalityId: c.municipalityId,
      assessorId: data.assessorId,
      assessedAt: data.assessedAt,
      createdAt: data.assessedAt,
      overallJudgement: testKeyring.encrypt(data.judgement ?? 'Synthetic judgement: engagement is easing.', JUDGEMENT_FIELD),
      ratings: {
        createMany: {
          data: ratings.map((r) => ({ factorId: r.factorId, municipalityId: c.municipalityId, rating: r.rating, comment: null })),
        },
      },
    },
    select: { id: true },
  });
}
