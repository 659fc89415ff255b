import { translateError } from './errors';
import type { Lang } from './index';

/**
 * The core's messages about offers, partners, requests and conversations, in French (the core
 * writes English); every other message goes through the shared dictionary.
 */
const FR: Record<string, string> = {
  'Required.': 'Obligatoire.',
  'At most 100 characters.': 'Au plus 100 caractères.',
  'At most 300 characters.': 'Au plus 300 caractères.',
  'At most 2,000 characters.': 'Au plus 2 000 caractères.',
  'At most 4,000 characters.': 'Au plus 4 000 caractères.',
  'At most 20,000 characters.': 'Au plus 20 000 caractères.',
  'At most 200 characters.': 'Au plus 200 caractères.',
  'A country code such as FR or DE.': 'Un code de pays comme FR ou DE.',
  'An address starting with https://': 'Une adresse commençant par https://',
  'At most 5 sectors.': 'Au plus 5 secteurs.',
  'At most 40 characters each.': 'Au plus 40 caractères chacun.',
  'At most 10 keywords.': 'Au plus 10 mots-clés.',
  'At most 5 datasheets.': 'Au plus 5 fiches techniques.',
  'From 1 to 9.': 'De 1 à 9.',
  'Choose a TRL from 1 to 9.': 'Choisissez un TRL de 1 à 9.',
  'Choose a country.': 'Choisissez un pays.',
  'Choose a maturity.': 'Choisissez une maturité.',
  'Choose at least one sector.': 'Choisissez au moins un secteur.',
  'Choose an IP status.': 'Choisissez un statut de propriété intellectuelle.',
  'Choose who may see the offer.': 'Choisissez qui peut voir l’offre.',
  'Choose partnership types from the list.': 'Choisissez des types de partenariat dans la liste.',
  'Choose at least one partnership type.': 'Choisissez au moins un type de partenariat.',
  'At least the lowest TRL.': 'Au moins le TRL le plus bas.',
  'A date such as 2027-03-31.': 'Une date comme 2027-03-31.',
  'Write a message.': 'Écrivez un message.',
  'Name this search.': 'Nommez cette recherche.',
  'No such technology request.': 'Cette demande technologique n’existe pas.',
  'This offer changed meanwhile; reload it and try again.':
    'Cette offre a changé entre-temps ; rechargez-la et réessayez.',
  'This offer is not published.': 'Cette offre n’est pas publiée.',
  'Only partner organisations publish offers.': 'Seules les organisations partenaires publient des offres.',
  'Only partner organisations have offers of their own.':
    'Seules les organisations partenaires ont leurs propres offres.',
  'You are not a member of this organisation.': 'Vous n’êtes pas membre de cette organisation.',
  'The logo must be an image.': 'Le logo doit être une image.',
  'No such offer.': 'Cette offre n’existe pas.',
  'No such thread.': 'Cette conversation n’existe pas.',
  'No such request.': 'Cette demande n’existe pas.',
  'No such partner.': 'Cette organisation n’existe pas.',
  'No such upload.': 'Ce fichier n’existe pas.',
  'No such saved search.': 'Cette recherche enregistrée n’existe pas.',
  'Technology requests are for the brand’s team and its partners.':
    'Les demandes technologiques sont réservées à l’équipe de la marque et à ses partenaires.',
  'Inquiry threads are for the brand’s team and its partners.':
    'Les conversations sont réservées à l’équipe de la marque et à ses partenaires.',
  'Only this organisation’s members may do this.': 'Seuls les membres de cette organisation peuvent le faire.',
  'Only the organisation that published this offer may change it.':
    'Seule l’organisation qui a publié cette offre peut la modifier.',
};

/** A field's message in the reader's language. */
export function offerFieldMessage(_field: string, message: string, lang: Lang): string {
  return offerMessage(message, lang);
}

const TRL_RANGE = /^This maturity goes with TRL (\d) to (\d)\.$/;
const TOO_MANY_SAVED = /^At most (\d+) saved searches: delete one first\.$/;
const UNKNOWN_SECTOR = /^Not a sector of this portal: (.+)\.$/;

export function offerMessage(message: string, lang: Lang): string {
  if (lang !== 'fr') return message;
  if (FR[message]) return FR[message];
  const range = TRL_RANGE.exec(message);
  if (range) return `Cette maturité va avec les TRL ${range[1]} à ${range[2]}.`;
  const saved = TOO_MANY_SAVED.exec(message);
  if (saved) return `Au plus ${saved[1]} recherches enregistrées : supprimez-en une d’abord.`;
  const sector = UNKNOWN_SECTOR.exec(message);
  if (sector) return `Ce portail n’a pas ce secteur : ${sector[1]}.`;
  return translateError(message, lang);
}
