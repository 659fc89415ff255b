import { LOCALES } from '$core/tenant/browser';
import { translator, type Lang } from '$lib/i18n';

/** The figures shown per period and per week, in the order the totals, charts and table give them. */
export const metrics = ['ideas', 'votes', 'comments', 'activeMembers'] as const;

/** A period as the query of the dashboard's links and of its export. */
export const query = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** Numbers and days in the reader's language, and a chart's figures in words; one place for the page and its panels. */
export function formats(lang: Lang) {
  const t = translator(lang);
  const locale = LOCALES[lang];
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  // Days are UTC days: formatted in UTC so that no time zone moves them.
  const dayText = (day: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return {
    number,
    longDay: (day: string) => dayText(day, { dateStyle: 'long' }),
    mediumDay: (day: string) => dayText(day, { day: 'numeric', month: 'short', year: 'numeric' }),
    shortDay: (day: string) => dayText(day, { day: '2-digit', month: '2-digit' }),
    listed: (bars: { label: string; value: number }[]) =>
      t('insights.chartDesc', { items: bars.map((b) => `${b.label}: ${number(b.value)}`).join('; ') }),
  };
}
