import type { BreakGlassDictionary } from './types';

/** Les mots de l’accès d’urgence (bris de glace). */
export const breakGlassFr: BreakGlassDictionary = {
  breakGlass: {
    title: 'Accès d’urgence',
    intro:
      'Seulement si vous devez agir sur ce dossier maintenant : son référent est absent, le coordinateur est injoignable et une personne est en danger. L’accès est accordé immédiatement pour une durée limitée, inscrit au dossier, signalé à l’auditeur et notifié aux coordinateurs.',
    sections: 'Sections nécessaires',
    justification: 'Pourquoi vous avez besoin d’accès maintenant',
    justificationHint: 'Au moins 20 caractères. L’auditeur et les coordinateurs l’examineront.',
    submit: 'Demander l’accès d’urgence',
    granted: 'Accès d’urgence accordé jusqu’à {{ time }}.',
    openCase: 'Ouvrir le dossier',
    banner: 'Accès d’urgence au dossier {{ reference }} jusqu’à {{ time }} : tout ce que vous faites est enregistré et examiné.',
    bannerHere: 'Vous consultez ce dossier en accès d’urgence jusqu’à {{ time }}.',
    request: 'Demander un accès d’urgence (bris de glace)',
    endNow: 'Y mettre fin maintenant',
    review: {
      title: 'L’accès d’urgence',
      requester: 'Demandé par',
      caseRef: 'Dossier',
      grantedAt: 'Accordé le',
      length: 'Accordé pour',
      until: 'Jusqu’à',
      sections: 'Sections',
      justification: 'Justification',
      ended: 'Fin',
      endedEarly: 'Terminé avant l’heure, à {{ time }}',
      ranFull: 'A duré tout le temps accordé',
      stillLive: 'Toujours en cours',
      notShown: 'La justification n’est pas disponible.',
    },
    timelineWhy: 'Motif : {{ text }}',
  },
};
