import type { statisticsEn } from './en';

/** Mots de la page des statistiques. */
export const statisticsFr: typeof statisticsEn = {
  statistics: {
    title: 'Statistiques',
    intro:
      'Chiffres de la municipalité, comptés sur les dossiers sans les noms. Tout effectif de 1 à 4 est affiché « <5 », et quelques autres effectifs sont masqués (« * ») pour qu’un petit effectif ne puisse pas être retrouvé à partir des totaux.',
    year: 'Année',
    show: 'Afficher',
    exportCsv: 'Télécharger le CSV',
    exporting: 'Préparation…',
    loading: 'Comptage…',
    periodNote:
      'L’année {{ year }}, de janvier à décembre. Examen dans un délai de {{ days }} jours ouvrés ; « aujourd’hui » est le {{ today }}.',
    small: '<5',
    hidden: '*',
    legendSmall: '« <5 » : un effectif de 1 à 4.',
    legendYear:
      'Les chiffres sont donnés par année civile entière, pour que deux réponses ne se recouvrent jamais et qu’un petit effectif ne puisse pas être retrouvé en soustrayant une période d’une autre.',
    legendHidden:
      '« * » : masqué pour qu’un petit effectif ne puisse pas être retrouvé à partir des totaux (il peut valoir 0, ou 5 et plus). Un tableau aux enregistrements trop peu nombreux pour être publié sans risque affiche « * » partout.',
    total: 'Total',
    chartNote: 'Graphique du tableau ci-dessous ; les effectifs masqués n’y figurent pas.',
    rowsBy: 'Lignes : {{ rows }}. Colonnes : {{ cols }}.',
    month: 'Mois',
    agency: 'Organisme',
    figures: {
      referralsByCohort: 'Signalements par mois et par public',
      referralsBySource: 'Signalements par mois et par source',
      referralsByUrgency: 'Signalements par mois et par urgence',
      screening: 'Examen par rapport au délai, par mois du signalement',
      casesByStageAge: 'Dossiers ouverts sur la période : étape actuelle par âge à l’ouverture',
      interventionsByType: 'Interventions prévues sur la période par type et statut',
      interventionsByAgency: 'Interventions prévues sur la période par organisme et statut',
      reviewsOverdue: 'Révisions en retard aujourd’hui, par étape et jours de retard (hors période)',
      closuresByReason: 'Dossiers clos par mois et par motif',
      followUps: 'Dossiers clos sur la période : suivi par motif de clôture',
    },
    buckets: {
      on_time: 'Examiné dans le délai',
      late: 'Examiné en retard',
      waiting: 'En attente, dans le délai',
      waiting_overdue: 'En attente, délai dépassé',
    },
    ageBands: {
      under_15: 'Moins de 15 ans',
      '15_17': '15–17',
      '18_24': '18–24',
      '25_39': '25–39',
      '40_plus': '40 ans et plus',
      unknown: 'Âge inconnu',
    },
    overdueBands: {
      '1_7': '1 à 7 jours',
      '8_30': '8 à 30 jours',
      '31_90': '31 à 90 jours',
      over_90: 'Plus de 90 jours',
    },
    followUp: {
      none: 'Pas de suivi demandé',
      scheduled: 'Suivi à venir',
      overdue: 'Suivi en retard',
      done: 'Suivi fait',
    },
    unrecorded: 'Motif non enregistré',
  },
};
