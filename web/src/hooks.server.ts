import type { Handle } from '@sveltejs/kit';
import { shutOut } from '$core/authz';
import { visitor } from '$core/context';
import { actorFromSession, sessionCookie } from '$core/identity/index';
import { DomainError } from '$core/errors/index';
import { themeCss, hostFromHeaders, resolveHost, LANGS, type Lang } from '$core/tenant/index';
import { secure } from '$core/http/index';
import { logContext } from '$core/log/index';
import { chooseLang } from '$lib/i18n';

async function findSite(host: string): Promise<App.Locals['site']> {
  try {
    const site = await resolveHost(host);
    return site.kind === 'platform' ? site : { ...site, ctx: { tenant: site.tenant, actor: visitor } };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'tenant_not_found') return { kind: 'unknown', host };
    throw error;
  }
}

const LANG_COOKIE = 'lang';

export const handle: Handle = async (input) => {
  const response = await respond(input);
  try {
    secure(response.headers);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect, a proxied fetch): the same body, headers copied.
    const copy = new Response(response.body, response);
    secure(copy.headers);
    return copy;
  }
};

const respond: Handle = async ({ event, resolve }) => {
  const host = hostFromHeaders((name) => event.request.headers.get(name));
  const site = await findSite(host);
  const logged = logContext();
  if (logged && site.kind === 'tenant') logged.tenantId = site.tenant.id;
  if (site.kind === 'tenant') {
    // The session cookie is looked up for this portal only; SvelteKit checks the Origin of form posts (CSRF).
    site.ctx.actor = await actorFromSession(site.tenant.id, event.cookies.get(sessionCookie(event.url.origin).name));
    site.ctx.request = { origin: event.url.origin, address: event.getClientAddress() };
    // A members-only or invitation-only portal shows its visitors the sign-in page and nothing else.
    if (shutOut(site.ctx, 'pages', event.url.pathname)) {
      const next =
        event.url.pathname === '/' ? '' : `?next=${encodeURIComponent(event.url.pathname + event.url.search)}`;
      return new Response(null, { status: 303, headers: { location: `/signin${next}` } });
    }
  }
  event.locals.site = site;
  const tenant = site.kind === 'tenant' ? site.tenant : undefined;

  const asked = event.url.searchParams.get('lang');
  const lang: Lang = chooseLang({
    asked,
    remembered: event.cookies.get(LANG_COOKIE),
    enabled: tenant?.languages ?? LANGS,
    fallback:
      tenant?.defaultLang ??
      (event.request.headers.get('accept-language')?.toLowerCase().startsWith('fr') ? 'fr' : 'en'),
  });
  if (asked === lang) {
    event.cookies.set(LANG_COOKIE, lang, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
  }
  event.locals.lang = lang;

  return resolve(event, {
    transformPageChunk: ({ html }) =>
      html
        .replace('%portal.lang%', lang)
        .replace('%portal.theme%', tenant ? themeCss(tenant.theme, tenant.darkTheme) : ''),
  });
};
