import type { Relationship } from '../../../../src/shared/vocabulary';

/** Words of a person's household on the case page. Relationships are typed against the server's. */
export const householdEn = {
  relationships: {
    parent: 'Parent',
    child: 'Child',
    spouse: 'Spouse',
    sibling: 'Brother or sister',
    other: 'Other',
  } satisfies Record<Relationship, string>,
  household: {
    title: 'Household',
    intro: 'People linked to this person. Each keeps their own case and their own access rules.',
    empty: 'No family member is linked.',
    born: 'born {{ year }}',
    hidden: '{{ count }} more members whose details are not shared with you.',
    hiddenOne: 'One more member whose details are not shared with you.',
    link: 'Link a family member',
    search: 'Name (Arabic or Latin script)',
    searchHint: 'At least two letters. Only people you may see can be linked.',
    searching: 'Looking for people with this name…',
    noCandidates: 'Nobody you may see matches this name.',
    restricted: 'Someone else matches, whose details are not shared with you: ask the case’s key worker.',
    choose: 'Choose',
    chosen: 'Family member:',
    change: 'Choose someone else',
    relationship: 'Relationship to this person',
    submit: 'Link',
    linked: 'Linked.',
  },
};

export type HouseholdDictionary = typeof householdEn;
