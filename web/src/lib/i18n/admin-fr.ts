import type { Message } from './en';
import type { adminEn } from './admin-en';

/** Textes français des pages de réglages du portail. */
export const adminFr: Record<keyof typeof adminEn, Message> = {
  'admin.nav': 'Réglages',
  'admin.title': 'Réglages du portail',
};
