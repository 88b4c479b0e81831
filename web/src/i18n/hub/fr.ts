import type { HubDictionary } from './en';

export const hubFr: HubDictionary = {
  hub: {
    title: 'Chiffres du pôle régional',
    intro:
      'Les comptes des villes membres qui partagent leurs chiffres avec le pôle, par pays et par ville. Jamais une personne : les petits effectifs sont masqués à travers villes, pays et pôle ensemble, si bien qu’aucun ne se déduit des autres.',
    home: 'Consultez les chiffres des villes membres qui les partagent, par pays et par ville.',
    year: 'Année',
    show: 'Afficher',
    loading: 'Calcul en cours…',
    none: 'Aucune ville membre ne partage encore ses chiffres.',
    counted: 'Villes comptées ({{ count }}) : {{ list }}',
    byCountry: 'Par pays',
    byCity: 'Par ville',
    country: 'Pays',
    city: 'Ville',
    hubTotal: 'Tous les membres',
    published: 'Publiés le {{ date }}.',
    next: 'Les chiffres de {{ year }} seront publiés le {{ date }}, un mois après la fin de l’année.',
    frozen:
      'Une année publiée ne change plus, même si des villes rejoignent le pôle, le quittent ou cessent de partager, ou si des dossiers arrivent en retard : sinon, deux réponses sur la même année pourraient se soustraire et révéler un petit effectif.',
    figures: {
      referralsByCohort: 'Signalements par public',
      referralsBySource: 'Signalements par origine',
      referralsByUrgency: 'Signalements par urgence',
      casesByStage: 'Dossiers ouverts, par étape actuelle',
      interventionsByType: 'Interventions prévues, par type',
      closuresByReason: 'Dossiers clos, par motif',
    },
    members: {
      title: 'Villes membres du pôle',
      intro:
        'Les villes rejoignent le pôle ici. Une ville ne partage rien avec le pôle tant que son propre administrateur ne l’a pas choisi, sur sa page de paramètres, et peut arrêter à tout moment.',
      notHub:
        'Votre municipalité est une ville, pas un pôle régional : le partage de ses chiffres avec un pôle se choisit sur la page des paramètres.',
      city: 'Ville',
      country: 'Pays',
      sharing: 'Partage ses chiffres',
      since: 'Membre depuis',
      yes: 'Oui',
      no: 'Pas encore',
      remove: 'Retirer',
      removeConfirm: 'Retirer {{ city }} du pôle ? Ses chiffres cessent aussitôt d’arriver au pôle.',
      removed: '{{ city }} n’est plus membre.',
      add: 'Ajouter une ville',
      choose: 'Choisissez une ville',
      addButton: 'Ajouter au pôle',
      added: '{{ city }} est membre. Elle ne partage rien tant que son administrateur ne l’a pas choisi.',
      none: 'Aucune ville membre pour l’instant.',
      noCandidates: 'Toutes les villes sont déjà membres.',
    },
    sharing: {
      title: 'Partage des chiffres avec le pôle régional',
      intro:
        'Votre ville peut partager ses chiffres agrégés et masqués (des comptes, jamais une personne) avec chaque pôle dont elle est membre. Seuls les administrateurs de votre ville en décident ; le pôle ne voit rien avant.',
      none: 'Votre ville n’est membre d’aucun pôle régional.',
      share: 'Partager nos chiffres avec {{ hub }}',
      on: 'Vos chiffres parviennent désormais à {{ hub }}.',
      off: 'Vos chiffres ne parviennent plus à {{ hub }}.',
    },
  },
};
