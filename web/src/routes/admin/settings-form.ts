/**
 * The settings form and the core's settings, both ways. A form only sends strings under flat
 * names (`name.fr`, `theme.primary`, `footerLinks.2.url`) that are the paths the core names in
 * its field errors, so an error lands next to the input that caused it. Browser-safe: no zod.
 */
import { LANGS } from '$core/tenant/browser';
import { localizedFrom, type Lang, type Localized } from '$lib/components/admin/fields';

export { localizedFrom };
export type FormValues = Record<string, string>;

export const LANGUAGES: readonly Lang[] = LANGS;
export const LOCALIZED_TEXTS = ['name', 'tagline', 'welcome', 'charter'] as const;
export const COLOURS = ['primary', 'accent', 'surface', 'text'] as const;
export const MAX_FOOTER_LINKS = 10;
/** What the dark theme's fields start from before a brand offers one: readable on its dark background. */
const DARK_START = { primary: '#8ab4f8', accent: '#f6ad55', surface: '#121417', text: '#e8eaed' };

/** What the form edits: the portal's settings without its sections, images and bookkeeping. */
export interface EditableSettings {
  name: Localized;
  tagline?: Localized;
  welcome?: Localized;
  charter?: Localized;
  senderName?: string;
  footerLinks: { label: Localized; url: string }[];
  theme: Record<(typeof COLOURS)[number], string> & { font: string };
  darkTheme?: Record<(typeof COLOURS)[number], string>;
  defaultLang: Lang;
  languages: Lang[];
  visibility: string;
  votingMode: string;
  moderation: string;
  requireVerifiedEmail: boolean;
  signupProof: { perPortal: number; perAddress: number };
  blockedWords: string[];
  statusLabels: Record<string, Localized>;
  version: number;
}

function putLocalized(values: FormValues, prefix: string, text: Localized | undefined) {
  for (const lang of LANGUAGES) if (text?.[lang]) values[`${prefix}.${lang}`] = text[lang]!;
}

/** The settings as the form's field values. */
export function settingsValues(s: EditableSettings): FormValues {
  const values: FormValues = {
    senderName: s.senderName ?? '',
    defaultLang: s.defaultLang,
    languages: s.languages.join(','),
    visibility: s.visibility,
    votingMode: s.votingMode,
    moderation: s.moderation,
    requireVerifiedEmail: s.requireVerifiedEmail ? 'yes' : '',
    'signupProof.perPortal': String(s.signupProof.perPortal),
    'signupProof.perAddress': String(s.signupProof.perAddress),
    blockedWords: s.blockedWords.join('\n'),
    'theme.font': s.theme.font,
    version: String(s.version),
  };
  for (const name of LOCALIZED_TEXTS) putLocalized(values, name, s[name]);
  for (const colour of COLOURS) values[`theme.${colour}`] = s.theme[colour];
  for (const colour of COLOURS) values[`darkTheme.${colour}`] = (s.darkTheme ?? DARK_START)[colour];
  values['darkTheme.enabled'] = s.darkTheme ? 'yes' : '';
  s.footerLinks.forEach((link, i) => {
    putLocalized(values, `footerLinks.${i}.label`, link.label);
    values[`footerLinks.${i}.url`] = link.url;
  });
  for (const [status, label] of Object.entries(s.statusLabels)) putLocalized(values, `statusLabels.${status}`, label);
  return values;
}

export interface FooterRow {
  label: Localized;
  url: string;
}

/** The footer link rows typed, in order, without the rows left empty (the way to remove one without JavaScript). */
export function footerRows(values: FormValues): FooterRow[] {
  const indexes = new Set<number>();
  for (const name of Object.keys(values)) {
    const match = /^footerLinks\.(\d+)\./.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({
      label: localizedFrom(values, `footerLinks.${i}.label`),
      url: values[`footerLinks.${i}.url`]?.trim() ?? '',
    }))
    .filter((row) => row.url || Object.keys(row.label).length);
}

/** The values to show again after a refused save: the checkboxes and the footer rows as the form drew them. */
export function submittedValues(data: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of data) if (typeof value === 'string' && !/^footerLinks\./.test(name)) values[name] = value;
  values.languages = data.getAll('languages').filter(Boolean).join(',');
  values.requireVerifiedEmail = data.getAll('requireVerifiedEmail').includes('yes') ? 'yes' : '';
  values['darkTheme.enabled'] = data.getAll('darkTheme.enabled').includes('yes') ? 'yes' : '';
  footerRows(Object.fromEntries([...data].filter(([, v]) => typeof v === 'string')) as FormValues).forEach((row, i) => {
    putLocalized(values, `footerLinks.${i}.label`, row.label);
    values[`footerLinks.${i}.url`] = row.url;
  });
  return values;
}

/**
 * The changes a submitted form asks for, in the shape of the core's UpdateSettings. Only the
 * settings the form carried are sent: a setting absent from the form keeps its value, and an
 * optional text left empty is sent as `undefined`, which clears it.
 */
export function settingsChanges(data: FormData, statuses: readonly string[]): Record<string, unknown> {
  const values = Object.fromEntries([...data].filter(([, v]) => typeof v === 'string')) as FormValues;
  const carried = (name: string) => data.has(name) || Object.keys(values).some((key) => key.startsWith(`${name}.`));
  const changes: Record<string, unknown> = { version: Number(values.version) };

  if (carried('name')) changes.name = localizedFrom(values, 'name');
  for (const name of ['tagline', 'welcome', 'charter'] as const) {
    if (!carried(name)) continue;
    const text = localizedFrom(values, name);
    changes[name] = Object.keys(text).length ? text : undefined;
  }
  if (carried('senderName')) changes.senderName = values.senderName?.trim() || undefined;
  if (carried('footerLinks')) changes.footerLinks = footerRows(values);
  if (carried('theme')) {
    changes.theme = {
      ...Object.fromEntries(COLOURS.map((colour) => [colour, (values[`theme.${colour}`] ?? '').trim().toLowerCase()])),
      font: values['theme.font'],
    };
  }
  if (carried('darkTheme')) {
    changes.darkTheme = data.getAll('darkTheme.enabled').includes('yes')
      ? Object.fromEntries(
          COLOURS.map((colour) => [colour, (values[`darkTheme.${colour}`] ?? '').trim().toLowerCase()]),
        )
      : undefined;
  }
  if (carried('defaultLang')) changes.defaultLang = values.defaultLang;
  if (carried('languages')) changes.languages = data.getAll('languages').map(String).filter(Boolean);
  for (const name of ['visibility', 'votingMode', 'moderation'] as const)
    if (carried(name)) changes[name] = values[name];
  if (carried('requireVerifiedEmail'))
    changes.requireVerifiedEmail = data.getAll('requireVerifiedEmail').includes('yes');
  if (carried('signupProof')) {
    const rate = (name: string) => Number(values[`signupProof.${name}`]?.trim() || Number.NaN);
    changes.signupProof = { perPortal: rate('perPortal'), perAddress: rate('perAddress') };
  }
  if (carried('blockedWords')) {
    const words = (values.blockedWords ?? '')
      .split('\n')
      .map((word) => word.trim())
      .filter(Boolean);
    changes.blockedWords = [...new Set(words)];
  }
  if (carried('statusLabels')) {
    changes.statusLabels = Object.fromEntries(
      statuses
        .map((status) => [status, localizedFrom(values, `statusLabels.${status}`)])
        .filter(([, label]) => Object.keys(label).length),
    );
  }
  return changes;
}

/** JSON with object keys sorted, so that `{ en, fr }` and `{ fr, en }` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * The changes that differ from the saved settings, with the version the form was drawn from:
 * the audit log then says what an admin changed, not everything the form carried.
 */
export function onlyChanged(changes: Record<string, unknown>, saved: Record<string, unknown>): Record<string, unknown> {
  const changed = Object.entries(changes).filter(
    ([name, value]) => name !== 'version' && canonical(emptyAsNone(value)) !== canonical(emptyAsNone(saved[name])),
  );
  return Object.fromEntries([...changed, ['version', changes.version]]);
}

/** An empty brand text or label set is the same as none. */
const emptyAsNone = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value;
