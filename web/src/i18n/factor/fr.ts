import type { FactorDictionary } from './en';

export const factorFr: FactorDictionary = {
  title: 'Second facteur',
  forced:
    'Votre rôle exige un second facteur. Configurez-le maintenant pour continuer : un code de votre téléphone vous sera demandé à chaque connexion.',
  voluntary: 'Un code d’une application d’authentification sur votre téléphone, demandé à chaque connexion après le mot de passe.',
  enrolled:
    'Un second facteur est configuré pour votre compte. Si vous perdez votre téléphone et vos codes de secours, demandez à un administrateur de le réinitialiser.',
  scan: 'Scannez ce code QR avec une application d’authentification (par exemple Aegis, FreeOTP ou Google Authenticator).',
  qrAlt: 'Code QR de la clé de votre second facteur',
  manual: 'Ou saisissez cette clé à la main :',
  openApp: 'Ouvrir dans une application d’authentification',
  copy: 'Copier',
  copied: 'Copié.',
  confirmIntro: 'Saisissez ensuite le code à 6 chiffres affiché par l’application pour Jisr.',
  code: 'Code de l’application',
  confirm: 'Confirmer',
  codesTitle: 'Vos codes de secours',
  codesIntro:
    'Chaque code permet une connexion sans votre téléphone. Enregistrez-les maintenant en lieu sûr (imprimés ou dans un gestionnaire de mots de passe) : ils ne seront plus affichés.',
  copyAll: 'Copier tous les codes',
  saved: 'Je les ai enregistrés',
  done: 'Votre second facteur est configuré.',
  stepUpTitle: 'Confirmez votre identité',
  stepUpIntro: 'Cette action demande un code récent de votre application d’authentification (ou un code de secours).',
  stepUpSubmit: 'Confirmer et continuer',
  resets: {
    title: 'Réinitialisations du second facteur à confirmer',
    intro:
      'Une réinitialisation supprime le second facteur du compte et le déconnecte partout. Une seconde personne (un autre administrateur ou l’auditeur) confirme la demande d’un administrateur.',
    empty: 'Aucune réinitialisation en attente.',
    account: 'Compte',
    requestedBy: 'Demandée par',
    at: 'Demandée le',
    confirm: 'Confirmer la réinitialisation',
    mine: 'Votre demande : une autre personne la confirme',
    confirmed: 'Réinitialisation confirmée. Le compte configurera un nouveau facteur à sa prochaine connexion.',
    request: 'Réinitialiser le second facteur',
    requestConfirm:
      'Demander la réinitialisation du second facteur de ce compte ? Un autre administrateur ou l’auditeur devra la confirmer.',
    requested: 'Réinitialisation demandée. Un autre administrateur ou l’auditeur doit la confirmer.',
    reason: 'Motif',
    reasonHint:
      'Pourquoi la réinitialisation est nécessaire et comment l’identité du titulaire a été vérifiée (10 à 500 caractères). Montré à la personne qui confirme.',
    send: 'Demander la réinitialisation',
    pending: 'Réinitialisation demandée',
    owner: 'Votre compte : une autre personne la confirme',
  },
  sessions: {
    open: 'Sessions',
    title: 'Sessions actives de {{ name }}',
    intro: 'Fermer une session déconnecte cet appareil immédiatement : sa requête suivante est refusée.',
    empty: 'Aucune session active.',
    waitingCode: 'Code du second facteur pas encore saisi',
    end: 'Fermer la session',
    ended: 'Session fermée.',
  },
  roles: {
    title: 'Second facteur',
    intro: 'Les rôles dont les comptes doivent se connecter avec un code d’une application d’authentification.',
    saved: 'Enregistré.',
  },
};
