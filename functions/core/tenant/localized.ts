import type { Lang } from './lang.js';

/**
 * Brand text in the reader's language, else the portal's default, else any language it was
 * given in. Free of dependencies, so the browser bundle can use it too.
 */
export function localized(text: Partial<Record<Lang, string>> | undefined, lang: Lang, fallback: Lang): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
