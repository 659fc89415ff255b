import { redirect } from '@sveltejs/kit';
import { DomainError } from '$core/errors';
import { addDays, getDashboard, PERIOD_MESSAGES } from '$core/insights/index';
import { localized } from '$core/tenant/index';
import type { Tenant } from '$core/tenant/index';
import { translator, type Lang } from '$lib/i18n';
import { translateError } from '$lib/i18n/errors';
import { portalCtx } from '$lib/server/forms';
import { refusalAsErrorPage } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

const RANGES = [
  ['4w', 28],
  ['12w', 84],
  ['52w', 365],
] as const;

/** The core's messages about a period, in the reader's language. */
function periodErrors(fields: Record<string, string> | undefined, lang: Lang): Record<string, string> {
  const t = translator(lang);
  const ours: Record<string, string> = {
    [PERIOD_MESSAGES.day]: t('insights.error.day'),
    [PERIOD_MESSAGES.order]: t('insights.error.order'),
    [PERIOD_MESSAGES.length]: t('insights.error.length'),
  };
  return Object.fromEntries(
    Object.entries(fields ?? {}).map(([field, message]) => [field, ours[message] ?? translateError(message, lang)]),
  );
}

/** Section and category names in the reader's language, archived sections included (their ideas still count). */
function placeNames(tenant: Tenant, lang: Lang) {
  const name = (text: Tenant['name']) => localized(text, lang, tenant.defaultLang);
  return {
    sections: Object.fromEntries(tenant.sections.map((s) => [s.id, name(s.name)])),
    categories: Object.fromEntries(
      tenant.sections.flatMap((s) => s.categories.map((c) => [`${s.id}/${c.id}`, name(c.name)])),
    ),
  };
}

/** The team's dashboard for `?from=&to=` (UTC days); visitors sign in first, the core refuses everyone but the team. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  const asked = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' };
  const today = new Date().toISOString().slice(0, 10);
  const common = {
    ranges: RANGES.map(([key, days]) => ({ key, from: addDays(today, -(days - 1)), to: today })),
    places: placeNames(ctx.tenant, locals.lang),
  };
  try {
    const dashboard = await getDashboard(ctx, asked);
    return {
      ...common,
      dashboard,
      asked: { from: dashboard.from, to: dashboard.to },
      errors: {} as Record<string, string>,
    };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'invalid_input')
      return { ...common, dashboard: null, asked, errors: periodErrors(e.fields, locals.lang) };
    refusalAsErrorPage(e, locals.lang);
  }
};
