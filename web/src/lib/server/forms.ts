import { error, fail, type Cookies } from '@sveltejs/kit';
import type { Ctx } from '$core/context';
import { DomainError } from '$core/errors';
import { SESSION_COOKIE, SESSION_SECONDS } from '$core/identity/index';
import { translateError } from '$lib/i18n/errors';
import type { Lang } from '$lib/i18n';

/** The portal's request context; pages of a portal are not served on the platform host. */
export function portalCtx(locals: App.Locals): Ctx {
  if (locals.site.kind !== 'tenant') error(404, 'Not found');
  return locals.site.ctx;
}

/**
 * The text fields of a form, untyped on purpose: the core function they go to parses them with
 * its zod schema and answers bad input with field errors.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function formFields(request: Request): Promise<any> {
  return fieldsOf(await request.formData());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fieldsOf(data: FormData): any {
  return Object.fromEntries([...data].filter(([, v]) => typeof v === 'string'));
}

/**
 * Runs a core call for a form action: a DomainError becomes `fail(status)` with its message and
 * field errors in the reader's language, and the values typed (never passwords) to fill the form again;
 * `tag` names the form, where a page has several.
 */
export async function attempt<T>(
  lang: Lang,
  values: Record<string, string>,
  run: () => Promise<T>,
  tag: { form?: string } = {},
) {
  try {
    return { ok: true as const, value: await run() };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const fields = Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k, translateError(v, lang)]));
    const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|current|token/i.test(k)));
    return {
      ok: false as const,
      failure: fail(e.status, { ...tag, code: e.code, message: translateError(e.message, lang), fields, values: kept }),
    };
  }
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string) {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: SESSION_SECONDS,
  });
}

export function clearSessionCookie(cookies: Cookies) {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
