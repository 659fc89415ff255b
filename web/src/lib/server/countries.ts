import type { Lang } from '$lib/i18n';

/** Codes Intl names that are not countries today: the EU, the eurozone, the UN, pseudo-regions, former countries. */
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AN',
  'BU',
  'CS',
  'DD',
  'FX',
  'NT',
  'SU',
  'TP',
  'YD',
  'YU',
  'ZR',
]);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const cache = new Map<Lang, { code: string; name: string }[]>();

/** Every ISO 3166 alpha-2 country, named and sorted in the reader's language, for a select. */
export function countriesFor(lang: Lang) {
  let list = cache.get(lang);
  if (!list) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    list = [...LETTERS]
      .flatMap((a) => [...LETTERS].map((b) => a + b))
      .filter((code) => !NOT_COUNTRIES.has(code))
      .flatMap((code) => {
        const name = names.of(code);
        return name && name !== code ? [{ code, name }] : [];
      })
      .sort((x, y) => x.name.localeCompare(y.name, lang));
    cache.set(lang, list);
  }
  return list;
}
