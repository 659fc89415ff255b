import type { Message } from './en';
import type { insightsEn } from './insights-en';

/** Textes français des pages « insights » de l’équipe d’innovation. */
export const insightsFr: Record<keyof typeof insightsEn, Message> = {
  'insights.title': 'Insights',
};
