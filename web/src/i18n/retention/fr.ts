import type { retentionEn } from './en';

/** Les mots de la conservation et de l’effacement : règles de l’administrateur, aperçu et gel du coordinateur, certificats. */
export const retentionFr: typeof retentionEn = {
  retention: {
    title: 'Conservation et effacement',
    intro:
      'Combien de temps Jisr garde chaque type de dossier, ce qui sera bientôt anonymisé et ce qui l’a été. Une tâche tourne toutes les six heures : quand la durée d’un dossier est écoulée, les données de la personne et tout texte libre sont détruits (aussi dans les sauvegardes, en détruisant la clé propre du dossier) ; ce dont les statistiques ont besoin reste, agrégé : sexe, année de naissance, cohorte, mois, étape atteinte, issue.',
    recordTypes: {
      referral_closed: 'Signalement clos sans dossier',
      referral_signposted: 'Signalement réorienté',
      case_closed: 'Dossier clos (après son suivi)',
    },
    kinds: { Case: 'Dossier', Referral: 'Signalement' },
    rules: {
      title: 'Règles de conservation',
      intro: 'Pour chaque type de dossier : combien de mois après sa fin il est anonymisé, et le texte légal sur lequel cela repose.',
      months: 'Mois de conservation',
      monthsHint: 'De 1 à 120 mois après la fin du dossier.',
      legalReference: 'Référence légale',
      legalReferenceHint: 'L’article de la loi de protection des données en vigueur (3 à 300 caractères).',
      isDefault: 'Valeur par défaut : pas encore fixée pour cette commune.',
      changed: 'Dernière modification le {{ at }}.',
      saved: 'Enregistré.',
    },
    preview: {
      title: 'Anonymisé dans les 30 prochains jours',
      intro:
        'Les dossiers dont la durée de conservation prend fin avant le {{ date }}, par règle. Un dossier gelé figure ici mais ne sera pas anonymisé.',
      empty: 'Rien ne sera anonymisé dans les 30 prochains jours.',
      rule: 'Règle',
      record: 'Dossier',
      due: 'Échéance',
      held: 'Gel juridique',
      heldYes: 'Gelé : conservé',
      accessHeld: 'Droit d’accès en préparation : conservé',
      heldNo: 'Non',
      overdue: 'Au prochain passage',
    },
    certificates: {
      title: 'Certificats d’effacement',
      intro:
        'Après chaque passage, un certificat par règle : ce qui a été anonymisé, quand, et l’événement d’audit qui l’a consigné. Aucune donnée personnelle.',
      empty: 'Aucun dossier n’a encore été anonymisé.',
      ranAt: 'Date',
      rule: 'Règle',
      counts: 'Anonymisés',
      countsText: '{{ cases }} dossier(s), {{ referrals }} signalement(s), {{ people }} personne(s)',
      print: 'Imprimer',
    },
    certificate: {
      title: 'Certificat d’effacement',
      number: 'Certificat',
      ranAt: 'Passage du',
      rule: 'Règle',
      period: '{{ months }} mois après la fin du dossier',
      legalReference: 'Référence légale',
      cases: 'Dossiers anonymisés',
      referrals: 'Signalements anonymisés',
      people: 'Personnes anonymisées',
      event: 'Événement d’audit',
      eventText: 'N° {{ seq }} de la chaîne d’audit de cette commune (id {{ id }})',
      hash: 'Empreinte de l’événement',
      verify:
        'Pour le vérifier, un auditeur contrôle la chaîne depuis la page d’audit : l’événement ci-dessus doit faire partie de la chaîne vérifiée avec exactement cette empreinte. Il désigne les dossiers anonymisés par leurs identifiants, jamais par un nom.',
      noPersonal: 'Ce certificat ne contient aucune donnée personnelle.',
    },
    hold: {
      title: 'Gel juridique et conservation',
      intro: 'Un gel juridique empêche l’anonymisation de ce dossier, de son signalement et de la personne jusqu’à sa levée.',
      none: 'Aucun gel juridique.',
      live: 'Gelé depuis le {{ at }} par {{ name }}.',
      reason: 'Motif du gel',
      reasonHint: 'Pourquoi le dossier doit être gardé (décision de justice, enquête, plainte) : 5 à 2 000 caractères. Conservé chiffré.',
      place: 'Geler le dossier',
      lift: 'Lever le gel',
      lifted: 'Gelé du {{ from }} au {{ to }}',
      earlier: 'Gels précédents',
      dueAt: 'Selon la règle « {{ rule }} » ({{ months }} mois), ce dossier serait anonymisé le {{ date }}.',
      notClosed: 'La durée de conservation court à partir de la clôture du dossier (ou après son suivi).',
    },
    anonymised: {
      banner: 'Anonymisé le {{ date }} selon la règle « {{ rule }} ».',
      explain:
        'Les données de la personne et tout texte libre de ce dossier ont été détruits ; ce dont les statistiques ont besoin (cohorte, étape, issue, mois) est conservé. L’historique des accès montre toujours qui l’a consulté, et l’anonymisation elle-même.',
    },
  },
};
