import { redirect, type Cookies } from '@sveltejs/kit';
import { sameSitePath } from '$core/http/index';
import type { SignInAnswer } from '$core/identity/index';
import { setSessionCookie } from './forms';

/**
 * After a sign-in's first step (password or e-mailed link): the cookie, then only a path of this
 * portal (never an open redirect). With two-step sign-in on, the page asks for the code instead,
 * carrying the ticket and where to go.
 */
export function afterFirstStep(event: { cookies: Cookies; url: URL }, answer: SignInAnswer, next: string | null) {
  if ('ticket' in answer) return { secondStep: true as const, ticket: answer.ticket, next: sameSitePath(next) };
  setSessionCookie(event.cookies, event.url, answer.token);
  redirect(303, sameSitePath(next));
}
