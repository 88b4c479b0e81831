import { plural } from '../../../../src/shared/plural';
/** Words of merging two records of one person, and of "not the same person", on the case page. */
export const mergeEn = {
  merge: {
    title: 'Other records of this person',
    intro:
      'Two records of one person can be merged: the referrals, cases and household links of the other record move to this one. A merge can be undone for 30 days.',
    search: 'Look for another record (name in Arabic or Latin script)',
    searchHint: 'This person’s name is searched first. Records marked “not the same person” are left out.',
    searching: 'Looking for similar records…',
    none: 'No other record matches.',
    restricted: 'Another record matches whose details are not shared with you.',
    born: 'born {{ year }}',
    unknownYear: 'year of birth unknown',
    mergeInto: 'Merge into this record',
    notSame: 'Not the same person',
    confirmTitle: 'Merge these two records?',
    confirmKeep: 'Kept (this record):',
    confirmMerged: 'Merged into it, then hidden:',
    confirmWhat: 'Everything of the second record moves to the first. You can undo this for 30 days.',
    confirm: 'Merge',
    cancel: 'Cancel',
    merged: 'Merged. The other record is hidden and points here.',
    marked: 'Marked as not the same person: it will no longer be offered.',
    history: 'Merges into this record',
    noHistory: 'No record was merged into this one.',
    mergedOn: 'merged on {{ date }}: {{ referrals }}, {{ cases }}',
    mergedReferrals: plural({ one: '{{ count }} referral', other: '{{ count }} referrals' }),
    mergedCases: plural({ one: '{{ count }} case', other: '{{ count }} cases' }),
    undoneOn: 'undone on {{ date }}',
    undoUntil: 'can be undone until {{ date }}',
    undo: 'Undo the merge',
    undone: 'The merge was undone: the other record and what it held are back.',
    distinct: 'Marked as not the same person',
    noDistinct: 'No record is marked as not the same person.',
    unmark: 'Take the mark back',
    unmarked: 'The mark was taken back: the record can be offered again.',
  },
};

export type MergeDictionary = typeof mergeEn;
