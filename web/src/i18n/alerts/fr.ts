import type { AlertsDictionary } from './en';

export const alertsFr: AlertsDictionary = {
  alerts: {
    title: 'Mes alertes',
    intro:
      'Choisissez les alertes reçues par e-mail, aussitôt ou dans un résumé chaque matin. Une alerte ne contient jamais de nom ni de détail d’un dossier : seulement une référence et un lien.',
    kind: 'Alerte',
    how: 'Comment',
    save: 'Enregistrer mes choix',
    saved: 'Vos choix sont enregistrés.',
    emailOff: 'L’e-mail n’est pas configuré sur ce serveur : les alertes restent dans Jisr (votre liste de travail).',
    kinds: {
      referral_to_screen: 'Une nouvelle orientation à examiner',
      assigned: 'Un dossier qui m’est attribué',
      onward_to_answer: 'Une orientation à laquelle mon organisme doit répondre',
      reminder_due: 'Une échéance de ma liste de travail',
      disclosure_expiring: 'Une communication de données qui expire bientôt',
      break_glass: 'Un accès d’urgence à un dossier',
      transfer_to_decide: 'Un dossier qu’une autre ville propose de transférer vers ma ville',
    },
    modes: { off: 'Désactivée', immediate: 'Aussitôt', digest: 'Résumé quotidien' },
    delivery: 'Envoi des alertes',
    emailOn: 'Les alertes sont envoyées par e-mail.',
    waiting: 'En attente d’envoi : {{ count }}',
    failed: 'Alertes qui n’ont pas pu être envoyées',
    noneFailed: 'Aucune.',
    reference: 'Référence',
    created: 'Émise',
    failedAt: 'Abandonnée',
    retry: 'Renvoyer',
    retried: 'L’alerte repartira au prochain passage de l’envoi.',
    retryOf: 'Renvoyer l’alerte {{ reference }}',
    attempts: 'Tentatives',
    error: 'Réponse du serveur de messagerie',
  },
};
