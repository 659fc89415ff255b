import { en, type TextKey } from './en.js';
import { fr } from './fr.js';
import type { Lang } from '../tenant/browser.js';

export type { TextKey };

const dictionaries: Record<Lang, Record<TextKey, string>> = { en, fr };

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

/** The text in one language, numbers written its way (5,000 / 5 000). */
export function render(text: Text, lang: Lang): string {
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return dictionaries[lang][text.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.params?.[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return numbers.format(value);
    return typeof value === 'string' ? value : render(value, lang);
  });
}
