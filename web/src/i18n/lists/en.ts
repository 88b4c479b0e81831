import type { ListKind } from '../../../../src/shared/vocabulary';

/** Words of the municipality's lists (admin) and of the ListAdminPage kit. */
export const listsEn = {
  lists: {
    title: 'Lists',
    intro:
      'Your municipality’s own words for cohorts, concern categories, intervention types and closure reasons. Each item counts as one shared core code, so that figures add up across the network’s cities. Retire an item rather than change its meaning: records that chose it keep it.',
    kinds: {
      cohort: 'Cohorts',
      concern_category: 'Concern categories',
      intervention_type: 'Intervention types',
      closure_reason: 'Closure reasons',
    } satisfies Record<ListKind, string>,
    code: 'Core code',
    labelAr: 'Label in Arabic',
    labelFr: 'Label in French',
    labelEn: 'Label in English',
    order: 'Order',
    moveUp: 'Move “{{ name }}” up',
    moveDown: 'Move “{{ name }}” down',
    new: 'Add an item',
    createTitle: 'New item',
    created: 'Item “{{ name }}” added.',
    editTitle: 'Labels of “{{ name }}”',
    empty: 'No items.',
    retired: 'Retired',
    active: 'In use',
    retire: 'Retire',
    restore: 'Restore',
  },
};

export type ListsDictionary = typeof listsEn;
