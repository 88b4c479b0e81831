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

/** The longest period one request covers, in months. */
export const MAX_PERIOD_MONTHS = 24;

/** "2026-03": a month of the municipality's calendar. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months from `from` to `to`, both included ("2026-11", "2026-12", "2027-01"). */
export function monthsBetween(from: string, to: string): string[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}
