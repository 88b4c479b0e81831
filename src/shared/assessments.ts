import type { FactorDomain, FactorRating } from './vocabulary.js';

export const RISK_DOMAINS = ['engagement', 'intent', 'capability'] as const satisfies readonly FactorDomain[];
export const RISK_RATINGS = ['low', 'moderate', 'high', 'unknown'] as const satisfies readonly FactorRating[];
export const PROTECTIVE_RATINGS = ['present', 'absent', 'unknown'] as const satisfies readonly FactorRating[];

/** The scale a factor of `domain` is rated on; "unknown" is always allowed, always distinct and last. */
export const scaleOf = (domain: FactorDomain): readonly FactorRating[] => (domain === 'protective' ? PROTECTIVE_RATINGS : RISK_RATINGS);
