import type { Cookies } from '@sveltejs/kit';
import { SESSION_SECONDS, sessionCookie } from '$core/identity/index';

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

/** The session cookie (core/identity sessionCookie: `__Host-sid` over HTTPS), HttpOnly, SameSite=Lax. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string) {
  const { name, secure } = sessionCookie(url.origin);
  cookies.set(name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_SECONDS });
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
  const { name, secure } = sessionCookie(url.origin);
  cookies.delete(name, { path: '/', secure });
}
