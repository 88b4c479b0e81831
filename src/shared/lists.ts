/**
 * The municipality's own lists (issue 16, "The regional hub"): cohorts, concern categories, intervention
 * types and closure reasons. Each municipality words its items itself (ar/fr/en), adds and retires them,
 * and maps every item to one shared core code, so that figures add up across cities: records keep the
 * core code (statistics and the hub count it) beside the item chosen (modules/lists).
 */
import { COHORTS, CONCERN_CATEGORIES, INTERVENTION_TYPES, LIST_KINDS, type CaseClosureReason, type ListKind } from './vocabulary.js';

export { LIST_KINDS, type ListKind };

/**
 * The closure reasons a municipality may put on its list. 'transferred' (a case moved to another member
 * city) is reserved: set only by an accepted transfer, never chosen, so it is never a list's core code.
 */
export const LISTED_CLOSURE_REASONS = [
  'risk_removed',
  'risk_reduced',
  'moved_away',
  'disengaged',
  'referred_elsewhere',
  'other',
] as const satisfies readonly CaseClosureReason[];

/** The shared core codes each list's items map to (the SQL check `list_item_code` holds the same). */
export const LIST_CODES = {
  cohort: COHORTS,
  concern_category: CONCERN_CATEGORIES,
  intervention_type: INTERVENTION_TYPES,
  closure_reason: LISTED_CLOSURE_REASONS,
} as const satisfies Record<ListKind, readonly string[]>;

export type ListCode<L extends ListKind> = (typeof LIST_CODES)[L][number];

/** Whether `code` is one of the core codes of `list` (a crafted code is refused before any query). */
export function isListCode<L extends ListKind>(list: L, code: string): code is ListCode<L> {
  return (LIST_CODES[list] as readonly string[]).includes(code);
}

/** An item's label in the reader's language. */
export function listLabel(item: { labelAr: string; labelFr: string; labelEn: string }, locale: 'ar' | 'fr' | 'en') {
  return locale === 'ar' ? item.labelAr : locale === 'fr' ? item.labelFr : item.labelEn;
}
