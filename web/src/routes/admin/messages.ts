import { translator, type Lang, type MessageKey } from '$lib/i18n';

/**
 * The core's messages of the settings pages, in the reader's language. The core writes them in
 * English, some as terse codes ('not enabled'); the shared error dictionary knows only the
 * messages every page meets. A message not listed here is shown as it came.
 */
const KNOWN: Record<string, MessageKey> = {
  'Some colours are too hard to read.': 'admin.error.colours',
  'Someone else saved the settings meanwhile; reload to see their change, then try again.':
    'admin.error.versionConflict',
  'The default language must be enabled.': 'admin.error.defaultLang',
  'Give a name in at least one language.': 'admin.error.nameRequired',
  'not enabled': 'admin.error.defaultLang',
  'A portal keeps at least one open section.': 'admin.error.lastOpenSection',
  'none open': 'admin.error.lastOpenSection',
  'A colour like #1a2b3c.': 'admin.error.hex',
  'An address starting with https:// or http://.': 'admin.error.url',
  'A PNG, JPEG or WebP image you uploaded, please.': 'admin.error.image',
  'A domain name like ideas.brand.com.': 'admin.error.domain',
  'Platform addresses cannot be added.': 'admin.error.platformDomain',
  platform: 'admin.error.platformDomain',
  'At most 5 custom domains per portal.': 'admin.error.tooManyDomains',
  'This domain belongs to another portal.': 'admin.error.domainTaken',
  taken: 'admin.error.domainTaken',
  'At most 30 sections.': 'admin.error.tooManySections',
  'At most 50 categories per section.': 'admin.error.tooManyCategories',
  'No such section.': 'admin.error.noSection',
  'No such category.': 'admin.error.noCategory',
  'No such domain.': 'admin.error.noDomain',
  'A section already has this id.': 'admin.error.sectionExists',
  'A category already has this id.': 'admin.error.categoryExists',
};

const CONTRAST =
  /^Contrast ([\d.]+):1 on surface; at least ([\d.]+):1 is needed\. Nearest that passes: (#[0-9a-f]{6})\.$/i;
const TXT_MISSING = /^The TXT record (\S+) does not hold the verification value yet\./;
// zod's own wording, for the limits the forms cannot all prevent (a one-letter blocked word, no language ticked).
const TOO_SHORT = /^Too small: expected string to have >=(\d+) characters$/;
const TOO_LONG = /^Too big: expected string to have <=(\d+) characters$/;
const TOO_FEW = /^Too small: expected array to have >=(\d+) items$/;
const TOO_MANY = /^Too big: expected array to have <=(\d+) items$/;

export function adminMessage(message: string, lang: Lang): string {
  const t = translator(lang);
  const contrast = CONTRAST.exec(message);
  if (contrast) return t('admin.error.contrast', { ratio: contrast[1]!, min: contrast[2]!, suggestion: contrast[3]! });
  const txt = TXT_MISSING.exec(message);
  if (txt) return t('admin.error.txtMissing', { name: txt[1]! });
  for (const [pattern, key] of [
    [TOO_SHORT, 'admin.error.tooShort'],
    [TOO_LONG, 'admin.error.tooLong'],
    [TOO_FEW, 'admin.error.tooFew'],
    [TOO_MANY, 'admin.error.tooMany'],
  ] as const) {
    const limit = pattern.exec(message);
    if (limit) return t(key, { count: Number(limit[1]) });
  }
  const key = KNOWN[message];
  return key ? t(key) : message;
}
