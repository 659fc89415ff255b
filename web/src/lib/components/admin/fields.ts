import { LANGS, type Lang } from '$core/tenant/browser';

export type { Lang };
export type Localized = Partial<Record<Lang, string>>;
export type FieldErrors = Record<string, string> | undefined;

/** An id for a field name like `footerLinks.0.url`, unique within a page when prefixed by its form. */
export const fieldId = (name: string, prefix = 'f') => `${prefix}-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/**
 * The core's message for a field, or for anything under it: `blockedWords` shows the error of
 * `blockedWords.3`, since the textarea holds every word.
 */
export function errorOf(errors: FieldErrors, name: string): string | undefined {
  if (!errors) return undefined;
  return errors[name] ?? Object.entries(errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
}

/** The ids an input is described by, leaving out those not drawn. */
export const describedBy = (...ids: (string | false | null | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/** A brand text from its per-language fields (`name.fr`, `name.en`); languages left empty are left out. */
export function localizedFrom(values: Record<string, string> | undefined, prefix: string): Localized {
  const text: Localized = {};
  for (const lang of LANGS) {
    const value = values?.[`${prefix}.${lang}`]?.trim();
    if (value) text[lang] = value;
  }
  return text;
}
