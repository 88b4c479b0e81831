import type { Domain, Rating } from './schema.js';

type Counts = Record<Rating, number>;
const zero = (): Counts => ({ low: 0, moderate: 0, high: 0, present: 0, absent: 0, unknown: 0 });

/**
 * The trend across a case's assessments, oldest first: per domain, how many factors got each
 * rating. Counts, not a score: the judgement stays in words.
 */
export function trendOf(assessments: readonly { id: string; assessedAt: Date; ratings: readonly { rating: Rating; factor: { domain: Domain } }[] }[]) {
  return [...assessments]
    .sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime() || a.id.localeCompare(b.id))
    .map((a) => {
      const domains: Record<Domain, Counts> = { engagement: zero(), intent: zero(), capability: zero(), protective: zero() };
      for (const r of a.ratings) domains[r.factor.domain][r.rating] += 1;
      return { assessmentId: a.id, assessedAt: a.assessedAt, domains };
    });
}
