import type { HouseholdDictionary } from './en';

/** Le foyer d’une personne, sur la page d’une situation. */
export const householdFr: HouseholdDictionary = {
  relationships: {
    parent: 'Parent',
    child: 'Enfant',
    spouse: 'Conjoint ou conjointe',
    sibling: 'Frère ou sœur',
    other: 'Autre lien',
  },
  household: {
    title: 'Foyer',
    intro: 'Les personnes liées à cette personne. Chacune garde sa propre situation et ses propres règles d’accès.',
    empty: 'Aucun membre de la famille n’est lié.',
    born: 'né(e) en {{ year }}',
    hidden: '{{ count }} autres membres dont les informations ne vous sont pas communiquées.',
    hiddenOne: 'Un autre membre dont les informations ne vous sont pas communiquées.',
    link: 'Lier un membre de la famille',
    search: 'Nom (en écriture arabe ou latine)',
    searchHint: 'Au moins deux lettres. Seules les personnes que vous pouvez voir peuvent être liées.',
    searching: 'Recherche des personnes portant ce nom…',
    noCandidates: 'Aucune personne que vous pouvez voir ne correspond à ce nom.',
    restricted:
      'Une autre personne correspond, dont les informations ne vous sont pas communiquées : adressez-vous au référent de sa situation.',
    choose: 'Choisir',
    chosen: 'Membre de la famille :',
    change: 'Choisir une autre personne',
    relationship: 'Lien avec cette personne',
    submit: 'Lier',
    linked: 'Lien enregistré.',
  },
};
