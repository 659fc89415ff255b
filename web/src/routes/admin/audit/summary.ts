import type { MessageKey } from '$lib/i18n';

/** The audit actions the settings pages can name; any other is shown as recorded. */
export const AUDIT_ACTIONS = [
  'portal.open', 'settings.update', 'section.add', 'section.update', 'category.add', 'category.update', 'category.delete',
  'image.logo', 'image.favicon', 'image.hero', 'image.logo.remove', 'image.favicon.remove', 'image.hero.remove',
  'domain.add', 'domain.verify', 'domain.remove',
  'idea.status', 'idea.tags', 'idea.assign', 'idea.scores', 'idea.merge', 'idea.note',
  'moderation.approve', 'moderation.hide', 'moderation.reject',
  'member.role', 'member.block', 'partner.create', 'request.create',
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
  title: 'admin.audit.key.title',
  from: 'admin.audit.key.from',
  to: 'admin.audit.key.to',
  response: 'admin.audit.key.response',
  tags: 'admin.audit.key.tags',
  scores: 'admin.audit.key.scores',
  intoTitle: 'admin.audit.key.intoTitle',
  reason: 'admin.audit.key.reason',
};
