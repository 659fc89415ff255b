import type { Message } from './en';
import type { teamEn } from './team-en';

/** Textes français des pages « team » de l’équipe d’innovation. */
export const teamFr: Record<keyof typeof teamEn, Message> = {
  'team.title': 'Team',
};
