import type { HistoryType } from '../../../../src/shared/audit-actions';

/** Words of the access history ("who has seen this"): the auditor's search and the coordinator's panel. */
export const historyEn = {
  history: {
    title: 'Access history',
    intro:
      'Every access to one case, person or referral: who, with which role and agency, when, what, and whether it was allowed. Search by case reference or by record id; names are not searchable here.',
    whoHasSeen: 'Who has seen this',
    whoHasSeenCase: 'Who has seen this case',
    whoHasSeenPerson: 'Who has seen this person',
    show: 'Show the access history',
    kind: 'Record',
    reference: 'Case reference',
    referenceHint: 'For example AMM-2026-0001',
    recordId: 'Record id',
    search: 'Show history',
    either: 'Give a case reference or a record id.',
    of: 'Access history of {{ kind }} {{ name }}',
    anonymised:
      'Anonymised on {{ date }} under a retention rule: its personal data no longer exists. Who accessed it stays listed, the anonymisation too.',
    when: 'When',
    who: 'Who',
    what: 'What',
    outcome: 'Outcome',
    empty: 'Nobody has accessed this record yet.',
    end: 'End of the history.',
    loadMore: 'Load more',
    shown: '{{ count }} accesses shown',
    noAgency: 'No agency',
    system: 'System (no user)',
    onRecord: 'Opened the record itself',
    sectionsSeen: 'Sections: {{ sections }}',
    noSections: 'Header only (no section)',
    inList: 'Shown in a list or search',
    through: 'Shown with: {{ kind }}',
    otherRecord: 'another record',
    moreSections: { team: 'Case team', timeline: 'Timeline', other: 'another section' },
    kinds: { Case: 'Case', Person: 'Person', Referral: 'Referral' } satisfies Record<HistoryType, string>,
    refusals: {
      FORBIDDEN: 'Refused: not allowed for this role',
      NOT_FOUND: 'Refused: not visible to this user',
      PASSWORD_CHANGE_REQUIRED: 'Refused: password change pending',
      WRONG_PASSWORD: 'Refused: wrong password',
      other: 'Refused',
    },
  },
};
