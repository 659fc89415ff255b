import type { MessageKey } from '$lib/i18n';

/** The audit actions the settings pages can name; any other is shown as recorded. */
export const AUDIT_ACTIONS = [
  'portal.open', 'settings.update', 'section.add', 'section.update', 'category.add', 'category.update', 'category.delete',
  'image.logo', 'image.favicon', 'image.hero', 'image.logo.remove', 'image.favicon.remove', 'image.hero.remove',
  'domain.add', 'domain.verify', 'domain.remove',
] as const;

/** The name of a setting in the detail of an entry, where the settings form has one. */
export const DETAIL_LABELS: Record<string, MessageKey> = {
  name: 'admin.identity.name',
  tagline: 'admin.identity.tagline',
  welcome: 'admin.identity.welcome',
  charter: 'admin.identity.charter',
  senderName: 'admin.identity.senderName',
  footerLinks: 'admin.footer.legend',
  theme: 'admin.theme.title',
  defaultLang: 'admin.languages.default',
  languages: 'admin.languages.enabled',
  visibility: 'admin.policies.visibility',
  votingMode: 'admin.policies.voting',
  moderation: 'admin.policies.moderation',
  requireVerifiedEmail: 'admin.audit.key.verifiedEmail',
  blockedWords: 'admin.policies.blockedWords',
  statusLabels: 'admin.statuses.title',
  section: 'admin.audit.key.section',
  category: 'admin.audit.key.category',
  domain: 'admin.domains.domain',
  position: 'admin.audit.key.position',
  archived: 'admin.audit.key.archived',
  description: 'admin.sections.description',
  logo: 'admin.images.logo',
  favicon: 'admin.images.favicon',
  hero: 'admin.images.hero',
};

const MAX_LENGTH = 160;

/**
 * One line for what an entry changed: each field with its new value, brand texts in the
 * reader's language, nested values flattened, cut at a readable length.
 */
export function summariseDetail(
  detail: Record<string, unknown>,
  words: { label: (key: string) => string; yes: string; no: string; none: string; lang: 'fr' | 'en' },
): string {
  const value = (v: unknown): string => {
    if (v === null || v === undefined) return words.none;
    if (typeof v === 'boolean') return v ? words.yes : words.no;
    if (typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return v.length ? v.map(value).join(', ') : words.none;
    const entries = Object.entries(v as Record<string, unknown>);
    const isText = entries.length > 0 && entries.every(([k, x]) => (k === 'fr' || k === 'en') && typeof x === 'string');
    if (isText) return String((v as Record<string, string>)[words.lang] ?? entries[0]![1]);
    return entries.length ? entries.map(([k, x]) => `${k} ${value(x)}`).join(', ') : words.none;
  };
  const line = Object.entries(detail).map(([key, v]) => `${words.label(key)}: ${value(v)}`).join(' · ');
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
