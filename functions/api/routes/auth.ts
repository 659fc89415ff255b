import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  changePassword,
  confirmSignUp,
  newChallenge,
  requestPasswordReset,
  requestSignInLink,
  resendVerification,
  resetPassword,
  signIn,
  signInSecondStep,
  signInWithLink,
  type SignInAnswer,
  signOut,
  signOutEverywhere,
  signUp,
  verifyEmail,
} from '../../core/identity/index.js';
import { SESSION_SECONDS, sessionCookie } from '../../core/identity/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** The session cookie: HttpOnly, SameSite=Lax, host-only (`__Host-`, Secure) outside plain-http localhost. */
export function setSessionCookie(c: Context<Env>, token: string) {
  const { name, secure } = sessionCookie(c.var.ctx.request?.origin);
  setCookie(c, name, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_SECONDS });
}

/** Drops the session cookie (with the flags its name requires). */
export function clearSessionCookie(c: Context<Env>) {
  const { name, secure } = sessionCookie(c.var.ctx.request?.origin);
  deleteCookie(c, name, { path: '/', secure });
}

/** Signed in (the cookie set), or asked for the second step: 202 with the ticket to send with the code. */
function answerSignIn(c: Context<Env>, answer: SignInAnswer) {
  if ('ticket' in answer) return c.json({ secondStep: 'totp', ticket: answer.ticket }, 202);
  setSessionCookie(c, answer.token);
  return c.json({ profile: answer.profile });
}

export const auth = new Hono<Env>()
  .post('/auth/signup', async (c) => {
    await signUp(c.var.ctx, await jsonBody(c));
    return c.json({ sent: true }, 202);
  })
  .post('/auth/signup/challenge', async (c) => c.json(await newChallenge(c.var.ctx), 201))
  .post('/auth/signup/confirm', async (c) => {
    const { token, profile } = await confirmSignUp(c.var.ctx, await jsonBody(c));
    setSessionCookie(c, token);
    return c.json({ profile }, 201);
  })
  .post('/auth/verify', async (c) => {
    await verifyEmail(c.var.ctx, await jsonBody(c));
    return c.json({ verified: true });
  })
  .post('/auth/verify/resend', async (c) => {
    await resendVerification(c.var.ctx);
    return c.json({ sent: true }, 202);
  })
  .post('/auth/signin', async (c) => answerSignIn(c, await signIn(c.var.ctx, await jsonBody(c))))
  .post('/auth/signin/second', async (c) => answerSignIn(c, await signInSecondStep(c.var.ctx, await jsonBody(c))))
  .post('/auth/link', async (c) => {
    await requestSignInLink(c.var.ctx, await jsonBody(c));
    return c.json({ sent: true }, 202);
  })
  .post('/auth/link/signin', async (c) => answerSignIn(c, await signInWithLink(c.var.ctx, await jsonBody(c))))
  .post('/auth/signout', async (c) => {
    await signOut(c.var.ctx, c.var.sessionToken);
    clearSessionCookie(c);
    return c.json({ signedOut: true });
  })
  .post('/auth/signout-all', async (c) => {
    const sessions = await signOutEverywhere(c.var.ctx);
    clearSessionCookie(c);
    return c.json({ signedOut: sessions });
  })
  .post('/auth/reset-request', async (c) => {
    await requestPasswordReset(c.var.ctx, await jsonBody(c));
    return c.json({ sent: true }, 202);
  })
  .post('/auth/reset', async (c) => {
    await resetPassword(c.var.ctx, await jsonBody(c));
    return c.json({ reset: true });
  })
  .post('/auth/password', async (c) => {
    setSessionCookie(c, await changePassword(c.var.ctx, await jsonBody(c)));
    return c.json({ changed: true });
  });
