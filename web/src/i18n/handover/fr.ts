import type { HandoverDictionary } from './en';

export const handoverFr: HandoverDictionary = {
  open: 'Charge de travail',
  title: 'Travail confié à {{ name }}',
  intro:
    'Avant de désactiver le compte, confiez son travail à des collègues : tout à une personne, ou élément par élément. Chaque transfert est inscrit au dossier.',
  empty: 'Rien n’est confié à ce compte.',
  counts:
    'Dossiers : {{ case }} · interventions : {{ intervention }} · tâches : {{ task }} · invitations à une réunion : {{ invitation }} · communications nominatives : {{ disclosure }}',
  kinds: {
    case: 'Dossier (référent)',
    intervention: 'Intervention',
    task: 'Tâche',
    invitation: 'Invitation à une réunion',
    disclosure: 'Communication nominative',
  },
  kind: 'Quoi',
  reference: 'Dossier',
  date: 'Échéance, réunion ou expiration',
  receiver: 'Confier à',
  choose: 'Choisir un collègue…',
  nobody: 'Aucun collègue actif ne peut le reprendre.',
  handAll: 'Tout confier à…',
  handAllButton: 'Tout transmettre',
  handOne: 'Transmettre',
  handing: 'Transmission…',
  handed: 'Transmis.',
  disableTitle: 'Désactiver le compte',
  disableEmpty: 'Il ne reste rien : le compte peut être désactivé. Ses sessions se ferment aussitôt.',
  disableLeft: 'Du travail reste confié. Pour désactiver le compte malgré tout, nommez le coordinateur qui a confirmé qu’il le reprendra.',
  pickUp: 'Coordinateur qui le reprendra',
  disable: 'Désactiver le compte',
  disabled: 'Le compte est désactivé.',
  page: {
    title: 'Passation',
    intro:
      'Les collègues qui ont encore du travail, ceux qui sont partis d’abord. Ouvrez-en un pour confier ses dossiers, interventions, tâches, places en réunion et communications à d’autres.',
    account: 'Collègue',
    items: 'Éléments',
    empty: 'Personne n’a de travail en cours.',
  },
  refusals: {
    HANDOVER_INELIGIBLE: 'Ce collègue ne peut pas reprendre tout ce travail (rôle, ou intervention d’une autre structure).',
    HANDOVER_SAME_USER: 'Choisissez une autre personne que le compte lui-même.',
    HANDOVER_RECEIVER_DISABLED: 'Ce compte est désactivé.',
    CASELOAD_LEFT: 'Du travail reste confié : transmettez-le, ou nommez le coordinateur qui le reprendra.',
    PICK_UP_NOT_COORDINATOR: 'Choisissez un coordinateur actif de la commune.',
  },
};
