import type { Lang } from './index';

/**
 * The core answers in English (codes and field messages); the forms show them in the reader's
 * language. A message missing here is shown as the core wrote it.
 */
const FR: Record<string, string> = {
  'Some fields are not valid.': 'Certains champs ne sont pas valides.',
  'A valid e-mail address.': 'Une adresse e-mail valide.',
  'Your name, please.': 'Votre nom, s’il vous plaît.',
  'At most 60 characters.': 'Au plus 60 caractères.',
  'At least 12 characters.': 'Au moins 12 caractères.',
  'At most 128 characters.': 'Au plus 128 caractères.',
  'This password is too common; choose another one.': 'Ce mot de passe est trop courant ; choisissez-en un autre.',
  'Your password, please.': 'Votre mot de passe, s’il vous plaît.',
  'Choose a password.': 'Choisissez un mot de passe.',
  'An account already uses this e-mail on this portal.': 'Un compte utilise déjà cet e-mail sur ce portail.',
  'This e-mail and password do not match an account here.':
    'Cet e-mail et ce mot de passe ne correspondent à aucun compte ici.',
  'This link is invalid, expired or already used.': 'Ce lien est invalide, expiré ou déjà utilisé.',
  'This is not your current password.': 'Ce n’est pas votre mot de passe actuel.',
  'This portal is open by invitation only.': 'Ce portail est ouvert sur invitation seulement.',
  'Sign in first.': 'Connectez-vous d’abord.',
  'Your role does not allow this.': 'Votre rôle ne le permet pas.',
  'Your role cannot give this role.': 'Votre rôle ne permet pas de donner ce rôle.',
  'A portal keeps at least one owner.': 'Un portail garde au moins un propriétaire.',
  'The last owner of a portal cannot delete their account; make someone else owner first.':
    'Le dernier propriétaire ne peut pas supprimer son compte ; nommez d’abord un autre propriétaire.',
  'This invitation was sent to another e-mail address; sign in with that one.':
    'Cette invitation a été envoyée à une autre adresse ; connectez-vous avec celle-ci.',
  'This portal does not offer this language.': 'Ce portail ne propose pas cette langue.',
  'Nothing to change.': 'Rien à changer.',
  'At least 8 characters.': 'Au moins 8 caractères.',
  'At least 20 characters.': 'Au moins 20 caractères.',
  'At least 2 characters.': 'Au moins 2 caractères.',
  'At most 140 characters.': 'Au plus 140 caractères.',
  'At most 5,000 characters.': 'Au plus 5 000 caractères.',
  'At most 10,000 characters.': 'Au plus 10 000 caractères.',
  'Confirm your e-mail address first: we sent you a link.':
    'Confirmez d’abord votre adresse e-mail : nous vous avons envoyé un lien.',
  'Others have voted or commented: the idea can no longer be edited.':
    'D’autres ont voté ou commenté : l’idée ne peut plus être modifiée.',
  'Replies go one level deep.': 'Les réponses ne vont qu’à un niveau.',
  'This portal only takes votes for ideas.': 'Ce portail ne prend que des votes pour.',
  'Not a category of this section.': 'Ce n’est pas une catégorie de cette rubrique.',
  'An attachment is not a finished upload of yours.': 'Une pièce jointe n’est pas un envoi terminé de votre part.',
  'At most 5 attachments.': 'Au plus 5 pièces jointes.',
  'This address is already taken.': 'Cette adresse est déjà prise.',
  'This address is reserved.': 'Cette adresse est réservée.',
  'Lower-case letters, digits and hyphens, 1 to 32 characters.':
    'Lettres minuscules, chiffres et tirets, de 1 à 32 caractères.',
  'At most 80 characters.': 'Au plus 80 caractères.',
  'This portal is open to its members: sign in first.':
    'Ce portail est réservé à ses membres : connectez-vous d’abord.',
  'No such idea.': 'Cette idée n’existe pas.',
  'No such comment.': 'Ce commentaire n’existe pas.',
  'No such member.': 'Ce membre n’existe pas.',
  'Not an idea id.': 'Ce n’est pas l’adresse d’une idée.',
  'An idea cannot be merged into itself.': 'Une idée ne peut pas être fusionnée avec elle-même.',
  // Uploads (the browser shows these under the file input).
  'PNG, JPEG, WebP or PDF only.': 'PNG, JPEG, WebP ou PDF seulement.',
  'Up to 10 MB.': 'Jusqu’à 10 Mo.',
  'The file is empty.': 'Le fichier est vide.',
  'Up to 200 characters.': 'Jusqu’à 200 caractères.',
  'It was not received.': 'Il n’a pas été reçu.',
  'It is empty.': 'Il est vide.',
  'Upload failed.': 'L’envoi a échoué.',
};

/** Field codes the core answers with; the forms say them in full, in both languages. */
const CODES: Record<string, Record<Lang, string>> = {
  taken: { en: 'This address is already in use.', fr: 'Cette adresse est déjà utilisée.' },
  reserved: { en: 'This address is reserved.', fr: 'Cette adresse est réservée.' },
};

/** Upload verdicts with the file's own figures in them. */
const FR_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^It is not a PNG, JPEG, WebP or PDF file \(declared (\w+)\)\.$/,
    (m) => `Ce n’est pas un fichier PNG, JPEG, WebP ou PDF (déclaré ${m[1]}).`,
  ],
  [/^It is a (\w+) file, not the (\w+) declared\.$/, (m) => `C’est un fichier ${m[1]}, pas le ${m[2]} déclaré.`],
  [/^It is (\d+) bytes, over the 10 MB limit\.$/, (m) => `Il fait ${m[1]} octets, au-delà de la limite de 10 Mo.`],
  [
    /^It is (\d+) bytes, not the (\d+) bytes declared\.$/,
    (m) => `Il fait ${m[1]} octets, et non les ${m[2]} déclarés.`,
  ],
];

export function translateError(message: string, lang: Lang): string {
  if (CODES[message]) return CODES[message][lang];
  if (lang === 'fr') {
    if (FR[message]) return FR[message];
    for (const [pattern, say] of FR_PATTERNS) {
      const match = pattern.exec(message);
      if (match) return say(match);
    }
    const wait = /^Too many attempts; try again in (\d+) seconds\.$/.exec(message);
    if (wait) return `Trop de tentatives ; réessayez dans ${Math.ceil(Number(wait[1]) / 60)} min.`;
    // The settings pages' own messages (contrast, DNS, versions) are in routes/admin/messages.ts.
  }
  return message;
}
