import type { AccountDictionary } from './en';

export const accountFr: AccountDictionary = {
  notice: {
    label: 'Avis concernant votre compte',
    created: '{{ by }} a créé votre compte le {{ at }} et a vu son mot de passe à usage unique.',
    reset: '{{ by }} a réinitialisé votre mot de passe le {{ at }} et a vu le mot de passe à usage unique.',
    advice:
      'Si vous ne l’avez pas demandé, prévenez votre délégué à la protection des données (l’auditeur) : quiconque connaissait ce mot de passe a pu se connecter en votre nom.',
    afterChange: 'Une fois votre propre mot de passe choisi, vous pourrez marquer cet avis comme lu.',
    dismiss: 'J’ai lu cet avis',
  },
  flags: {
    title: 'Signalements à examiner',
    intro:
      'Comptes ayant accès au contenu des dossiers qu’un administrateur a créés, réinitialisés ou dotés d’un tel rôle. L’administrateur a vu un mot de passe à usage unique pour le compte : vérifiez que son titulaire l’avait demandé.',
    time: 'Date',
    account: 'Compte',
    change: 'Changement',
    by: 'Par',
    status: 'Statut',
    empty: 'Aucun signalement.',
    more: 'Plus de signalements',
    end: 'Aucun signalement plus ancien.',
    fromRole: 'auparavant : {{ role }}',
    changes: {
      created: 'Compte créé',
      password_reset: 'Mot de passe réinitialisé',
      role_changed: 'Rôle modifié',
    },
    kinds: {
      privileged_account_change: 'Compte ayant accès aux dossiers',
      break_glass: 'Accès d’urgence (bris de glace)',
      off_hours_read: 'Consultations hors des heures de travail',
      bulk_read: 'Nombreux dossiers consultés en peu de temps',
      repeated_denials: 'Nombreux refus',
      read_outside_assignment: 'Dossier consulté hors affectation (alarme de défaut)',
      checkpoint_stopped: 'Points de contrôle arrêtés',
      second_factor_reset_requested: 'Réinitialisation du second facteur demandée',
      second_factor_reset_confirmed: 'Réinitialisation du second facteur confirmée',
    },
    statuses: { open: 'Ouvert', reviewed: 'Examiné', escalated: 'Transmis' },
  },
};
