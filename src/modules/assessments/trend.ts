import type { FactorDomain, FactorRating } from '../../shared/vocabulary.js';

type Counts = Record<FactorRating, number>;
const zero = (): Counts => ({ low: 0, moderate: 0, high: 0, present: 0, absent: 0, unknown: 0 });

/**
 * The trend across a case's assessments, oldest first: per domain, how many factors got each
 * rating. Counts, not a score: the judgement stays in words.
 */
export function trendOf(
  assessments: readonly { id: string; assessedAt: Date; ratings: readonly { rating: FactorRating; factor: { domain: FactorDomain } }[] }[],
) {
  return [...assessments]
    .sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime() || a.id.localeCompare(b.id))
    .map((a) => {
      const domains: Record<FactorDomain, Counts> = { engagement: zero(), intent: zero(), capability: zero(), protective: zero() };
      for (const r of a.ratings) domains[r.factor.domain][r.rating] += 1;
      return { assessmentId: a.id, assessedAt: a.assessedAt, domains };
    });
}
