import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, SESSION_SECONDS } from '$core/identity/index';

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
