import type { keepEn } from './en';

/** Mots de la conservation du travail saisi : l'avertissement de session, la reconnexion sur la page, les brouillons. */
export const keepFr: typeof keepEn = {
  session: {
    warnTitle: 'Êtes-vous toujours là ?',
    warnIdle:
      'Vous n’avez pas utilisé Jisr depuis un moment. Pour protéger les personnes de vos dossiers, vous serez déconnecté·e à {{ time }}.',
    warnEnd:
      'Votre session atteint sa durée maximale à {{ time }}. Il faudra vous reconnecter ; ce que vous avez saisi reste sur cette page.',
    stay: 'Rester connecté·e',
    ok: 'OK',
    signOut: 'Se déconnecter',
    endedTitle: 'Votre session a pris fin',
    endedIntro: 'Reconnectez-vous pour continuer. Ce que vous avez saisi est toujours sur cette page et sera envoyé une fois connecté·e.',
    otherUser: 'Se connecter avec un autre compte efface ce qui a été saisi ici et recharge la page.',
    signIn: 'Se reconnecter',
  },
  drafts: {
    title: 'Brouillons non envoyés',
    intro: 'Ce que vous avez commencé sans l’envoyer, gardé pour vous seul·e un temps limité après votre dernière saisie.',
    empty: 'Aucun brouillon.',
    referral: 'Signalement',
    caseNote: 'Note sur le dossier {{ reference }}',
    caseNoteHidden: 'Note sur un dossier que vous ne pouvez plus voir',
    savedAt: 'Enregistré {{ time }}',
    expiresAt: 'gardé jusqu’au {{ time }}',
    open: 'Ouvrir',
    discard: 'Supprimer',
    discarded: 'Brouillon supprimé.',
    saving: 'Enregistrement du brouillon…',
    saved: 'Brouillon enregistré à {{ time }} (vous seul·e pouvez le voir).',
    notSaved: 'Le brouillon n’a pas pu être enregistré ; votre texte est toujours là.',
    restored: 'Votre brouillon est de retour dans le formulaire.',
    settingDays: 'Jours de conservation d’un brouillon non envoyé',
    settingDaysHint: 'Après la dernière saisie de son auteur ; il est ensuite supprimé. Seul son auteur le voit.',
  },
};
