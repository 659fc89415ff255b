/** The interface languages: the one list every language type, enum and menu derives from. Import-free (browser-safe). */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang => (LANGS as readonly unknown[]).includes(value);

/** The locale that formats dates and numbers in each language. */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
