import type { printEn } from './en';

/** Mots des pages imprimables et de l’invitation à clore après une décision du panel. */
export const printFr: typeof printEn = {
  print: {
    button: 'Imprimer ou enregistrer en PDF',
    recorded: 'Cette impression est inscrite au journal d’audit.',
    printedOn: 'Imprimé le {{ at }} par {{ name }}',
    confidential: 'Confidentiel : réservé aux personnes nommées sur cette page.',
    case: {
      link: 'Imprimer la synthèse',
      title: 'Synthèse du dossier',
      person: 'Personne',
      birthYear: 'Né(e) en',
      summary: 'Synthèse',
      noSummary: 'La synthèse ne vous est pas partagée.',
      plan: 'Plan d’accompagnement',
      noPlan: 'Aucune intervention au plan.',
      due: 'échéance {{ date }}',
    },
    meeting: {
      packLink: 'Imprimer mon dossier',
      minutesLink: 'Imprimer le procès-verbal',
      packTitle: 'Dossier de réunion',
      minutesTitle: 'Procès-verbal',
      invitees: 'Invités',
      attended: 'présent',
      absent: 'absent',
      item: 'Dossier {{ reference }}',
      noItems: 'Aucun dossier de l’ordre du jour ne vous est partagé.',
      decision: 'Décision',
      byConsensus: 'par consensus',
      dissent: 'Avis divergent',
      undecided: 'Aucune décision enregistrée.',
      general: 'Sur la réunion',
      noMinutes: 'Aucun procès-verbal enregistré.',
      correction: 'Correction',
    },
    referral: {
      link: 'Imprimer un accusé de réception',
      title: 'Accusé de réception du signalement',
      thanks: 'Votre signalement a bien été reçu par la municipalité.',
      reference: 'Référence',
      submittedAt: 'Reçu le',
      about: 'Concernant',
      from: 'De',
      urgency: 'Urgence',
      categories: 'Préoccupations',
      yourWords: 'Ce que vous avez écrit',
      next: 'La suite',
      nextBy: {
        submitted:
          'Le coordinateur examine le signalement dans le délai de la municipalité et décide de l’ouverture d’un dossier. Vous verrez la décision dans « Mes signalements ».',
        accepted:
          'Un dossier a été ouvert. Un référent contactera la personne et son entourage ; il pourra vous être demandé d’y participer.',
        signposted: 'Le signalement a été transmis à un service mieux placé pour aider. Vous ne serez plus contacté à ce sujet.',
        closed: 'Le signalement a été clos après examen. Aucun dossier n’a été ouvert.',
      },
      keep: 'Conservez cet accusé de réception. Citez la référence pour toute question sur ce signalement.',
    },
  },
  panelClosure: {
    banner:
      'Le {{ date }}, le panel ({{ meeting }}) a décidé de clore ce dossier. La clôture vous revient : le formulaire est prérempli avec la décision du panel.',
    goToForm: 'Aller au formulaire de clôture',
    prefill: 'Clos sur décision du panel du {{ date }} ({{ meeting }}).',
  },
};
