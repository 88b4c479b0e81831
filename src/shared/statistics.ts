/**
 * The statistics page's vocabulary, shared by the server (which counts) and the web (which names).
 * Rows and columns of each figure are these keys, the vocabulary's enums, a month ("2026-03") or an
 * agency's id.
 */

/** Each figure, in the order the page shows them. */
export const FIGURES = [
  'referralsByCohort',
  'referralsBySource',
  'referralsByUrgency',
  'screening',
  'casesByStageAge',
  'interventionsByType',
  'interventionsByAgency',
  'reviewsOverdue',
  'closuresByReason',
  'followUps',
] as const;
export type Figure = (typeof FIGURES)[number];

/** A referral's screening against the deadline (working days, the municipality's calendar). */
export const SCREENING_BUCKETS = ['on_time', 'late', 'waiting', 'waiting_overdue'] as const;
export type ScreeningBucket = (typeof SCREENING_BUCKETS)[number];

/** Age when the case opened (its year less the birth year). */
export const AGE_BANDS = ['under_15', '15_17', '18_24', '25_39', '40_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Days a review is overdue, today. */
export const OVERDUE_BANDS = ['1_7', '8_30', '31_90', 'over_90'] as const;
export type OverdueBand = (typeof OVERDUE_BANDS)[number];

/** What became of the follow-up check of a closed case. */
export const FOLLOW_UP_RESULTS = ['none', 'scheduled', 'overdue', 'done'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

/** A closure recorded before reasons were a list. */
export const UNRECORDED = 'unrecorded';

/** The earliest year a request may name (the service narrows it to the municipality's first records). */
export const FIRST_YEAR = 2000;

/** The twelve months of a year ("2026-01" … "2026-12"): a request's one period (see statistics/schema.ts). */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
