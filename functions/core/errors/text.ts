import { en, type TextKey } from './en.js';
import type { fr } from './fr.js';
import type { Lang } from '../tenant/browser.js';

export type { TextKey };

/** The `{name}`s of a text. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** A parameter is a value, or a text of its own (rendered in the same language). */
export type Param = string | number | Text;
type ParamsOf<K extends TextKey> = Record<Placeholders<(typeof en)[K]> | Placeholders<(typeof fr)[K]>, Param>;

/** Something the core says: a key of the dictionaries and the values its texts name. */
export interface Text {
  key: TextKey;
  params?: Record<string, Param>;
}

/** A text to say, with exactly the parameters its English and French texts name. */
export function say<K extends TextKey>(
  key: K,
  ...params: [Placeholders<(typeof en)[K]> | Placeholders<(typeof fr)[K]>] extends [never] ? [] : [ParamsOf<K>]
): Text {
  return params[0] ? { key, params: params[0] } : { key };
}

export const isTextKey = (key: unknown): key is TextKey => typeof key === 'string' && Object.hasOwn(en, key);

/**
 * Renders texts with one language's dictionary, numbers written its way (5,000 / 5 000). The
 * dictionary is passed in so that a bundle that only answers in English (the API) leaves the
 * other languages out: see render.ts.
 */
export function rendererOf(dictionary: Record<TextKey, string>, lang: Lang) {
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const render = (text: Text): string =>
    dictionary[text.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = text.params?.[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return numbers.format(value);
      return typeof value === 'string' ? value : render(value);
    });
  return render;
}

/** The API's language. */
export const english = /* @__PURE__ */ rendererOf(en, 'en');
