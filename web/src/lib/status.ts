import { localized } from '$core/tenant/browser';
import { translator, type Lang } from '$lib/i18n';

type Portal = { statusLabels: Record<string, Partial<Record<Lang, string>>>; defaultLang: Lang };

/** A status as the brand names it (its own label for this language), else the product's name for it. */
export function statusLabel(portal: Portal | null | undefined, status: string, lang: Lang): string {
  const own = portal?.statusLabels?.[status];
  const brand = own ? localized(own, lang, portal!.defaultLang) : '';
  return brand || translator(lang)(`status.${status}` as 'status.new');
}
