import { LOCALES, type Lang } from '$core/tenant/browser';
import type { MessageKey } from '$lib/i18n';

/*
 * What the challenge pages show alike: a moment, an amount, a rank, a phase's name, the time left.
 */

/** A moment with its date, time and zone: UTC until the page runs, then the reader's own. */
export function formatMoment(iso: string, lang: Lang, inReaderZone = false): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(inReaderZone ? {} : { timeZone: 'UTC' }),
  }).format(new Date(iso));
}

export function formatMoney(amount: number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).format(amount);
}

export const phaseKey = (phase: string) => `challenges.phase.${phase}` as MessageKey;

/** The name of a rank: "1st place", "Place 4". */
export function rankName(rank: number, t: (key: MessageKey, params?: Record<string, string | number>) => string) {
  return rank <= 3 ? t(`challenges.rank.${rank as 1 | 2 | 3}`) : t('challenges.rank.n', { n: rank });
}

/** The time left until `iso`, in the two largest units, as the translator says it. */
export function timeLeft(
  iso: string,
  now: number,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const s = Math.max(0, Math.floor((new Date(iso).getTime() - now) / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return t('challenges.left.days', { d, h });
  if (h > 0) return t('challenges.left.hours', { h, m });
  return t('challenges.left.minutes', { m, s: s % 60 });
}
