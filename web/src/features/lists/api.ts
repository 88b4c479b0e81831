import { query } from '@solidjs/router';
import { locale, tKey } from '../../i18n';
import { trpc, type Outputs } from '../../lib/trpc';
import { listLabel } from '../../../../src/shared/lists';
import type { ListKind } from '../../../../src/shared/vocabulary';

export type ListItem = Outputs['lists']['items'][number];

/**
 * Every item of the municipality's lists, retired ones too: forms offer the live ones, pages show the
 * label of whatever a record chose (a retired item still reads as it did).
 */
export const getListItems = query(() => trpc.lists.items.query({ includeRetired: true }), 'lists.items');

/** The items of `list` that may be chosen now, in the municipality's order. */
export const liveItems = (items: readonly ListItem[] | undefined, list: ListKind) =>
  (items ?? []).filter((i) => i.list === list && i.retiredAt === null);

/** An item's label in the reader's language. */
export const itemLabel = (item: Pick<ListItem, 'labelAr' | 'labelFr' | 'labelEn'>) => listLabel(item, locale());

/** The dictionary where each list's core codes have their shared words (statistics and the hub speak these). */
export const CORE_WORDS: Record<ListKind, string> = {
  cohort: 'cohorts',
  concern_category: 'concernCategories',
  intervention_type: 'interventionTypes',
  closure_reason: 'work.closureReasons',
};

/** A core code's shared words. */
export const coreLabel = (list: ListKind, code: string) => tKey(CORE_WORDS[list], code);

/**
 * What a record chose, in the reader's language: the municipality's item when the record names one
 * (retired or not), else the core code's shared words (records from before the lists).
 */
export function chosenLabel(items: readonly ListItem[] | undefined, list: ListKind, itemId: string | null | undefined, code: string) {
  const item = itemId ? items?.find((i) => i.id === itemId) : undefined;
  return item ? itemLabel(item) : coreLabel(list, code);
}
