/** The regional hub (issue 16): the analysts' figures, the hub admin's members, a city's choice to share. */
export const hubEn = {
  hub: {
    title: 'Figures of the regional hub',
    intro:
      'Counts of the member cities that share their figures with the hub, by country and by city. Never a person: small counts are suppressed across cities, countries and the hub together, so none can be worked out from the others.',
    home: 'Read the figures of the member cities that share them, by country and by city.',
    year: 'Year',
    show: 'Show',
    loading: 'Counting…',
    none: 'No member city shares its figures yet.',
    counted: 'Cities counted ({{ count }}): {{ list }}',
    byCountry: 'By country',
    byCity: 'By city',
    country: 'Country',
    city: 'City',
    hubTotal: 'All members',
    published: 'Published on {{ date }}.',
    next: 'The figures of {{ year }} will be published on {{ date }}, a month after the year ends.',
    frozen:
      'A published year never changes, even when cities join, leave or stop sharing or late records arrive: otherwise two answers about the same year could be subtracted to reveal a small count.',
    figures: {
      referralsByCohort: 'Referrals by cohort',
      referralsBySource: 'Referrals by source',
      referralsByUrgency: 'Referrals by urgency',
      casesByStage: 'Cases opened, by stage today',
      interventionsByType: 'Interventions planned, by type',
      closuresByReason: 'Cases closed, by reason',
    },
    members: {
      title: 'Member cities of the hub',
      intro:
        'Cities join the hub here. A city shares nothing with the hub until its own administrator chooses to, on its settings page, and may stop at any time.',
      notHub: 'Your municipality is a city, not a regional hub: whether it shares its figures with a hub is chosen on the settings page.',
      city: 'City',
      country: 'Country',
      sharing: 'Shares its figures',
      since: 'Member since',
      yes: 'Yes',
      no: 'Not yet',
      remove: 'Remove',
      removeConfirm: 'Remove {{ city }} from the hub? Its figures stop reaching the hub at once.',
      removed: '{{ city }} is no longer a member.',
      add: 'Add a city',
      choose: 'Choose a city',
      addButton: 'Add to the hub',
      added: '{{ city }} is a member. It shares nothing until its own administrator chooses to.',
      none: 'No member city yet.',
      noCandidates: 'Every city is already a member.',
    },
    sharing: {
      title: 'Sharing figures with the regional hub',
      intro:
        "Your city may share its suppressed, aggregated figures (counts only, never a person) with each hub it belongs to. Only your city's administrators decide; the hub sees nothing until you do.",
      none: 'Your city belongs to no regional hub.',
      share: 'Share our figures with {{ hub }}',
      on: 'Your figures now reach {{ hub }}.',
      off: 'Your figures no longer reach {{ hub }}.',
    },
  },
};

export type HubDictionary = typeof hubEn;
