import { redirect } from '@sveltejs/kit';
import { DomainError, said } from '$core/errors/index';
import { addDays, getDashboard } from '$core/insights/index';
import { localized } from '$core/tenant/index';
import type { Tenant } from '$core/tenant/index';
import type { Lang } from '$lib/i18n';
import { portalCtx, refusalAsErrorPage } from '$lib/server/core';
import type { PageServerLoad } from './$types';

const RANGES = [
  ['4w', 28],
  ['12w', 84],
  ['52w', 365],
] as const;

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
      return { ...common, dashboard: null, asked, errors: said(e, locals.lang).fields };
    refusalAsErrorPage(e, locals.lang);
  }
};
