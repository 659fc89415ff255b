import type { Message } from './en';

/** English texts of the team pages of the innovation team. */
export const teamEn = {
  'team.title': 'Team',
} satisfies Record<string, Message>;
