import type { Message } from './en';

/** English texts of the portal settings pages (owners and admins). */
export const adminEn = {
  'admin.nav': 'Settings',
  'admin.title': 'Portal settings',
} satisfies Record<string, Message>;
