import type { Message } from './en';

/** English texts of the insights pages of the innovation team. */
export const insightsEn = {
  'insights.title': 'Insights',
} satisfies Record<string, Message>;
