import { en } from './en.js';
import { fr } from './fr.js';
import type { Lang } from '../tenant/browser.js';
import { rendererOf, type Text } from './text.js';

/** The texts in the reader's language (pages, and the browser's upload form). */
const renderers: Record<Lang, (text: Text) => string> = {
  en: /* @__PURE__ */ rendererOf(en, 'en'),
  fr: /* @__PURE__ */ rendererOf(fr, 'fr'),
};

export const render = (text: Text, lang: Lang): string => renderers[lang](text);

/** What an error says, and says of each field, in the reader's language. */
export function said(
  error: { text: Text; fieldTexts?: Record<string, Text> },
  lang: Lang,
): { message: string; fields: Record<string, string> } {
  const fields = Object.entries(error.fieldTexts ?? {}).map(([field, text]) => [field, render(text, lang)]);
  return { message: render(error.text, lang), fields: Object.fromEntries(fields) };
}
