/** Words of the search page (loaded with it, not with the first page). */
export const searchEn = {
  title: 'Search',
  intro:
    'Find people, cases and referrals by a name in Arabic or Latin letters (however it is spelt), a case reference (TUN-2026-0012) or a year of birth (1994). You see only what you may open.',
  query: 'Name, reference or year of birth',
  queryHint: 'What you type is not kept on this device.',
  birthYear: 'Year of birth (optional, with a name)',
  submit: 'Search',
  searching: 'Searching…',
  people: 'People',
  cases: 'Cases',
  referrals: 'Referrals',
  none: 'Nothing found.',
  born: 'born {{ year }}',
  restricted: 'A possible match you may not see. Ask the coordinator.',
  hidden: 'Who this case is about is not shared with you.',
  submitted: 'submitted {{ date }}',
  caseOf: 'case {{ reference }}',
  reasons: {
    same_spelling: 'same spelling',
    transliteration: 'same name, other script',
    similar: 'similar name',
  },
  counts: '{{ people }} people · {{ cases }} cases · {{ referrals }} referrals',
};
export type SearchDictionary = typeof searchEn;
