import type { Lang } from '../tenant/index.js';

/** Every e-mail the product sends, in each language. `{name}` placeholders come from params. */
export const TEMPLATES = {
  signup: {
    en: {
      subject: 'Confirm your e-mail to join {portal}',
      intro: 'Hello {name}, one step is left to create your account on {portal}: confirm that this address is yours.',
      action: 'Create my account',
      outro: 'The link is valid for 3 days. If you did not sign up, ignore this message: no account is made.',
    },
    fr: {
      subject: 'Confirmez votre e-mail pour rejoindre {portal}',
      intro:
        'Bonjour {name}, il reste une étape pour créer votre compte sur {portal} : confirmer que cette adresse est la vôtre.',
      action: 'Créer mon compte',
      outro:
        'Le lien est valable 3 jours. Si vous ne vous êtes pas inscrit, ignorez ce message : aucun compte n’est créé.',
    },
  },
  /** Someone signed up with an address that has an account: its owner hears of it (the form answers as for a new one). */
  signupTaken: {
    en: {
      subject: 'You already have an account on {portal}',
      intro:
        'Hello {name}, someone (perhaps you) just tried to create an account on {portal} with this address, which already has one.',
      action: 'Sign in',
      outro: 'If you forgot your password, the sign-in page sends a link. If it was not you, nothing changed.',
    },
    fr: {
      subject: 'Vous avez déjà un compte sur {portal}',
      intro:
        'Bonjour {name}, quelqu’un (peut-être vous) vient d’essayer de créer un compte sur {portal} avec cette adresse, qui en a déjà un.',
      action: 'Me connecter',
      outro:
        'Si vous avez oublié votre mot de passe, la page de connexion envoie un lien. Si ce n’était pas vous, rien n’a changé.',
    },
  },
  verify: {
    en: {
      subject: 'Confirm your e-mail for {portal}',
      intro: 'Hello {name}, confirm your e-mail address to post and vote on {portal}.',
      action: 'Confirm my e-mail',
      outro: 'The link is valid for 3 days. If you did not sign up, ignore this message.',
    },
    fr: {
      subject: 'Confirmez votre e-mail pour {portal}',
      intro: 'Bonjour {name}, confirmez votre adresse e-mail pour proposer et voter sur {portal}.',
      action: 'Confirmer mon e-mail',
      outro: 'Le lien est valable 3 jours. Si vous ne vous êtes pas inscrit, ignorez ce message.',
    },
  },
  signin: {
    en: {
      subject: 'Your sign-in link for {portal}',
      intro: 'Hello {name}, here is your link to sign in to {portal}.',
      action: 'Sign in',
      outro: 'The link works once, within 15 minutes. If you did not ask for it, ignore this message.',
    },
    fr: {
      subject: 'Votre lien de connexion à {portal}',
      intro: 'Bonjour {name}, voici votre lien pour vous connecter à {portal}.',
      action: 'Me connecter',
      outro: 'Le lien fonctionne une fois, dans les 15 minutes. Si vous ne l’avez pas demandé, ignorez ce message.',
    },
  },
  reset: {
    en: {
      subject: 'Reset your password on {portal}',
      intro: 'Hello {name}, choose a new password for {portal}.',
      action: 'Choose a new password',
      outro: 'The link works once, within an hour. If you did not ask for it, your password stays as it is.',
    },
    fr: {
      subject: 'Réinitialisez votre mot de passe sur {portal}',
      intro: 'Bonjour {name}, choisissez un nouveau mot de passe pour {portal}.',
      action: 'Choisir un nouveau mot de passe',
      outro:
        'Le lien fonctionne une fois, dans l’heure. Si vous ne l’avez pas demandé, votre mot de passe ne change pas.',
    },
  },
  signinFailures: {
    en: {
      subject: 'Wrong passwords on your {portal} account',
      intro:
        'Hello {name}, {count} wrong passwords were just tried on your account on {portal}. Your own sign-ins are not blocked: attempts are held back where they come from.',
      action: 'Choose a new password',
      outro: 'If it was you, nothing needs doing. If not, a new password ends every session and link of the account.',
    },
    fr: {
      subject: 'Mots de passe erronés sur votre compte {portal}',
      intro:
        'Bonjour {name}, {count} mots de passe erronés viennent d’être essayés sur votre compte {portal}. Vos propres connexions ne sont pas bloquées : les essais sont freinés là d’où ils viennent.',
      action: 'Choisir un nouveau mot de passe',
      outro:
        'Si c’était vous, rien à faire. Sinon, un nouveau mot de passe met fin à toutes les sessions et à tous les liens du compte.',
    },
  },
  invite: {
    en: {
      subject: '{inviter} invites you to the team of {portal}',
      intro: '{inviter} invites you to join {portal} as {role}.',
      action: 'Accept the invitation',
      outro: 'The invitation is valid for 7 days.',
    },
    fr: {
      subject: '{inviter} vous invite dans l’équipe de {portal}',
      intro: '{inviter} vous invite à rejoindre {portal} en tant que {role}.',
      action: 'Accepter l’invitation',
      outro: 'L’invitation est valable 7 jours.',
    },
  },
  comment: {
    en: {
      subject: '{actor} commented on your idea “{idea}”',
      intro: 'Hello {name}, {actor} commented on your idea “{idea}” on {portal}.',
      action: 'Read the comment',
      outro: 'You receive this because you wrote this idea. Choose which e-mails you get in your account.',
    },
    fr: {
      subject: '{actor} a commenté votre idée « {idea} »',
      intro: 'Bonjour {name}, {actor} a commenté votre idée « {idea} » sur {portal}.',
      action: 'Lire le commentaire',
      outro: 'Vous recevez ce message parce que vous avez écrit cette idée. Choisissez vos e-mails dans votre compte.',
    },
  },
  reply: {
    en: {
      subject: '{actor} replied to your comment',
      intro: 'Hello {name}, {actor} replied to your comment on “{idea}” on {portal}.',
      action: 'Read the reply',
      outro: 'Choose which e-mails you get in your account.',
    },
    fr: {
      subject: '{actor} a répondu à votre commentaire',
      intro: 'Bonjour {name}, {actor} a répondu à votre commentaire sur « {idea} » sur {portal}.',
      action: 'Lire la réponse',
      outro: 'Choisissez vos e-mails dans votre compte.',
    },
  },
  digest: {
    en: {
      subject: 'Your week on {portal}',
      intro: 'Hello {name}, {count} things happened this week on ideas you care about:',
      action: 'See my notifications',
      outro: 'You chose a weekly digest. Change it in your account.',
    },
    fr: {
      subject: 'Votre semaine sur {portal}',
      intro: 'Bonjour {name}, {count} nouveautés cette semaine sur les idées qui vous intéressent :',
      action: 'Voir mes notifications',
      outro: 'Vous avez choisi un résumé par semaine. Modifiez-le dans votre compte.',
    },
  },
  status: {
    en: {
      subject: 'News of the idea “{idea}”',
      intro: 'Hello {name}, the idea “{idea}” on {portal} is now: {status}.',
      action: 'See the answer',
      outro: 'You receive this because you wrote, voted for or follow this idea.',
    },
    fr: {
      subject: 'Du nouveau pour l’idée « {idea} »',
      intro: 'Bonjour {name}, l’idée « {idea} » sur {portal} est maintenant : {status}.',
      action: 'Voir la réponse',
      outro: 'Vous recevez ce message parce que vous avez écrit, soutenu ou suivi cette idée.',
    },
  },
  offer_match: {
    en: {
      subject: 'A new offer for your search “{search}”',
      intro: 'Hello {name}, a new technology offer on {portal} matches your saved search “{search}”: {offer}.',
      action: 'See the offer',
      outro: 'You receive this because you saved this search. Delete it on the offers page to stop.',
    },
    fr: {
      subject: 'Une nouvelle offre pour votre recherche « {search} »',
      intro:
        'Bonjour {name}, une nouvelle offre technologique sur {portal} correspond à votre recherche « {search} » : {offer}.',
      action: 'Voir l’offre',
      outro:
        'Vous recevez ce message parce que vous avez enregistré cette recherche. Supprimez-la sur la page des offres pour ne plus en recevoir.',
    },
  },
  thread_message: {
    en: {
      subject: 'New message about “{offer}”',
      intro: 'Hello {name}, {actor} wrote in the conversation about the offer “{offer}” on {portal}.',
      action: 'Read the message',
      outro: 'You receive this because you take part in this conversation.',
    },
    fr: {
      subject: 'Nouveau message sur « {offer} »',
      intro: 'Bonjour {name}, {actor} a écrit dans l’échange sur l’offre « {offer} » sur {portal}.',
      action: 'Lire le message',
      outro: 'Vous recevez ce message parce que vous participez à cet échange.',
    },
  },
  challenge_phase: {
    en: {
      subject: '“{challenge}”: {phase}',
      intro: 'Hello {name}, the challenge “{challenge}” on {portal} moved on: {phase}.',
      action: 'See the challenge',
      outro: 'You receive this because you entered this challenge or run it.',
    },
    fr: {
      subject: '« {challenge} » : {phase}',
      intro: 'Bonjour {name}, le défi « {challenge} » sur {portal} avance : {phase}.',
      action: 'Voir le défi',
      outro: 'Vous recevez ce message parce que vous participez à ce défi ou l’organisez.',
    },
  },
  challenge_adjustment: {
    en: {
      subject: 'An adjustment asked for your entry to “{challenge}”',
      intro: 'Hello {name}, your entry to “{challenge}” on {portal} is shortlisted, and the team asks an adjustment.',
      action: 'Read the request',
      outro: 'Answer it with a new version of your entry.',
    },
    fr: {
      subject: 'Un ajustement demandé pour votre participation à « {challenge} »',
      intro:
        'Bonjour {name}, votre participation à « {challenge} » sur {portal} est présélectionnée, et l’équipe demande un ajustement.',
      action: 'Lire la demande',
      outro: 'Répondez-y par une nouvelle version de votre participation.',
    },
  },
  challenge_result: {
    en: {
      subject: 'The results of “{challenge}”',
      intro: 'Hello {name}, the challenge “{challenge}” on {portal} is decided: your entry is ranked {rank}.',
      action: 'See the results',
      outro: 'You receive this because your entry is among the laureates.',
    },
    fr: {
      subject: 'Les résultats de « {challenge} »',
      intro:
        'Bonjour {name}, le défi « {challenge} » sur {portal} est tranché : votre participation est classée {rank}.',
      action: 'Voir les résultats',
      outro: 'Vous recevez ce message parce que votre participation fait partie des lauréats.',
    },
  },
} as const satisfies Record<string, Record<Lang, { subject: string; intro: string; action: string; outro: string }>>;

/** The phases' names in e-mails (the pages have their own). */
export const PHASE_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    scheduled: 'scheduled',
    submission: 'entries are open',
    review: 'public review: comments and favourites',
    jury: 'the jury scores the entries',
    shortlist: 'shortlist',
    decided: 'decided',
    closed: 'closed',
  },
  fr: {
    scheduled: 'programmé',
    submission: 'les participations sont ouvertes',
    review: 'phase publique : commentaires et coups de cœur',
    jury: 'le jury note les participations',
    shortlist: 'présélection',
    decided: 'tranché',
    closed: 'clos',
  },
};

export type TemplateName = keyof typeof TEMPLATES;

export const STATUS_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    new: 'new',
    under_review: 'under review',
    reviewed: 'reviewed',
    in_progress: 'in progress',
    launched: 'launched',
    declined: 'declined',
    merged: 'merged',
    archived: 'archived',
  },
  fr: {
    new: 'nouvelle',
    under_review: 'à l’étude',
    reviewed: 'étudiée',
    in_progress: 'en cours',
    launched: 'réalisée',
    declined: 'non retenue',
    merged: 'fusionnée',
    archived: 'archivée',
  },
};

export const ROLE_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    owner: 'owner',
    admin: 'administrator',
    team: 'innovation team member',
    partner: 'partner',
    member: 'member',
    juror: 'juror (to judge challenges)',
  },
  fr: {
    owner: 'propriétaire',
    admin: 'administrateur',
    team: 'membre de l’équipe innovation',
    partner: 'partenaire',
    member: 'membre',
    juror: 'juré (pour évaluer les défis)',
  },
};
