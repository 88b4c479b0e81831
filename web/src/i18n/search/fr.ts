import type { SearchDictionary } from './en';

export const searchFr: SearchDictionary = {
  title: 'Recherche',
  intro:
    'Trouver des personnes, dossiers et signalements par un nom en lettres arabes ou latines (quelle qu’en soit l’orthographe), une référence de dossier (TUN-2026-0012) ou une année de naissance (1994). Vous ne voyez que ce que vous pouvez ouvrir.',
  query: 'Nom, référence ou année de naissance',
  queryHint: 'Ce que vous tapez n’est pas gardé sur cet appareil.',
  birthYear: 'Année de naissance (facultative, avec un nom)',
  submit: 'Rechercher',
  searching: 'Recherche…',
  people: 'Personnes',
  cases: 'Dossiers',
  referrals: 'Signalements',
  none: 'Aucun résultat.',
  born: 'né·e en {{ year }}',
  restricted: 'Une correspondance possible que vous ne pouvez pas voir. Demandez au coordinateur.',
  hidden: 'La personne concernée par ce dossier ne vous est pas communiquée.',
  submitted: 'envoyé le {{ date }}',
  caseOf: 'dossier {{ reference }}',
  reasons: {
    same_spelling: 'même orthographe',
    transliteration: 'même nom, autre écriture',
    similar: 'nom proche',
  },
  counts: '{{ people }} personnes · {{ cases }} dossiers · {{ referrals }} signalements',
};
