import type { ListsDictionary } from './en';

/** Les listes de la commune (administration) et le kit ListAdminPage. */
export const listsFr: ListsDictionary = {
  lists: {
    title: 'Listes',
    intro:
      'Les mots de votre commune pour les publics, les catégories de préoccupation, les types d’intervention et les motifs de clôture. Chaque élément compte comme un code commun, pour que les chiffres s’additionnent entre les villes du réseau. Retirez un élément plutôt que d’en changer le sens : les dossiers qui l’ont choisi le gardent.',
    kinds: {
      cohort: 'Publics',
      concern_category: 'Catégories de préoccupation',
      intervention_type: 'Types d’intervention',
      closure_reason: 'Motifs de clôture',
    },
    code: 'Code commun',
    labelAr: 'Libellé en arabe',
    labelFr: 'Libellé en français',
    labelEn: 'Libellé en anglais',
    order: 'Ordre',
    moveUp: 'Monter « {{ name }} »',
    moveDown: 'Descendre « {{ name }} »',
    new: 'Ajouter un élément',
    createTitle: 'Nouvel élément',
    created: 'Élément « {{ name }} » ajouté.',
    editTitle: 'Libellés de « {{ name }} »',
    empty: 'Aucun élément.',
    retired: 'Retiré',
    active: 'En usage',
    retire: 'Retirer',
    restore: 'Rétablir',
  },
};
