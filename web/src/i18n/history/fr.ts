import type { Dictionary } from '../en';

/** Les mots de l'historique des accès (« qui a vu ceci »). */
export const historyFr: Pick<Dictionary, 'history'> = {
  history: {
    title: 'Historique des accès',
    intro:
      "Chaque accès à un dossier, une personne ou un signalement : qui, avec quel rôle et quel organisme, quand, à quoi, et si l'accès a été permis. Recherchez par référence de dossier ou par identifiant ; pas de recherche par nom ici.",
    whoHasSeen: 'Qui a vu ceci',
    whoHasSeenCase: 'Qui a vu ce dossier',
    whoHasSeenPerson: 'Qui a vu cette personne',
    show: "Afficher l'historique des accès",
    kind: 'Fiche',
    reference: 'Référence du dossier',
    referenceHint: 'Par exemple AMM-2026-0001',
    recordId: 'Identifiant de la fiche',
    search: "Afficher l'historique",
    either: 'Indiquez une référence de dossier ou un identifiant.',
    of: 'Historique des accès : {{ kind }} {{ name }}',
    anonymised:
      'Anonymisé le {{ date }} selon une règle de conservation : ses données personnelles n’existent plus. Les accès restent listés, l’anonymisation aussi.',
    when: 'Quand',
    who: 'Qui',
    what: 'Quoi',
    outcome: 'Résultat',
    empty: "Personne n'a encore accédé à cette fiche.",
    end: "Fin de l'historique.",
    loadMore: 'Afficher plus',
    shown: '{{ count }} accès affichés',
    noAgency: 'Sans organisme',
    system: 'Système (aucun utilisateur)',
    onRecord: 'A ouvert la fiche elle-même',
    sectionsSeen: 'Sections : {{ sections }}',
    noSections: 'En-tête seulement (aucune section)',
    inList: 'Affichée dans une liste ou une recherche',
    through: 'Affichée avec : {{ kind }}',
    otherRecord: 'une autre fiche',
    moreSections: { team: 'Équipe du dossier', timeline: 'Chronologie', other: 'une autre section' },
    kinds: { Case: 'Dossier', Person: 'Personne', Referral: 'Signalement' },
    refusals: {
      FORBIDDEN: 'Refusé : non permis pour ce rôle',
      NOT_FOUND: 'Refusé : invisible pour cet utilisateur',
      PASSWORD_CHANGE_REQUIRED: 'Refusé : changement de mot de passe en attente',
      WRONG_PASSWORD: 'Refusé : mot de passe erroné',
      other: 'Refusé',
    },
  },
};
