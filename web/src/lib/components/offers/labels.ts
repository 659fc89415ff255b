import { localized } from '$core/tenant/browser';
import { translator, type Lang } from '$lib/i18n';

/** How the offers' pages name sectors and countries in the reader's language. */
export type Sector = { id: string; name: Partial<Record<Lang, string>> };

export function sectorNamer(sectors: Sector[], lang: Lang, fallback: Lang) {
  const byId = new Map(sectors.map((s) => [s.id, s.name]));
  return (id: string) => localized(byId.get(id), lang, fallback) || id;
}

export function countryNamer(lang: Lang) {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  return (code: string | undefined) => (code ? (names.of(code) ?? code) : '');
}

/** A list's values as options, each labelled by its text under `prefix` (offers.ip, offers.maturity, ...). */
export function optionsOf(lang: Lang, list: readonly string[], prefix: string) {
  const t = translator(lang);
  return list.map((value) => ({ value, label: t(`${prefix}.${value}` as 'offers.ip.open') }));
}
