import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  changePassword,
  requestPasswordReset,
  requestSignInLink,
  resendVerification,
  resetPassword,
  signIn,
  signInWithLink,
  signOut,
  signOutEverywhere,
  signUp,
  verifyEmail,
} from '../../core/identity/index.js';
import { SESSION_COOKIE, SESSION_SECONDS } from '../../core/identity/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** The session cookie: HttpOnly, SameSite=Lax, host-only (this portal's host), Secure outside plain-http localhost. */
export function setSessionCookie(c: Context<Env>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.ctx.request?.origin.startsWith('https:') ?? true,
    path: '/',
    maxAge: SESSION_SECONDS,
  });
}

export const auth = new Hono<Env>()
  .post('/auth/signup', async (c) => {
    const { token, profile } = await signUp(c.var.ctx, await jsonBody(c));
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
  .post('/auth/signin', async (c) => {
    const { token, profile } = await signIn(c.var.ctx, await jsonBody(c));
    setSessionCookie(c, token);
    return c.json({ profile });
  })
  .post('/auth/link', async (c) => {
    await requestSignInLink(c.var.ctx, await jsonBody(c));
    return c.json({ sent: true }, 202);
  })
  .post('/auth/link/signin', async (c) => {
    const { token, profile } = await signInWithLink(c.var.ctx, await jsonBody(c));
    setSessionCookie(c, token);
    return c.json({ profile });
  })
  .post('/auth/signout', async (c) => {
    await signOut(c.var.ctx, c.var.sessionToken);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signedOut: true });
  })
  .post('/auth/signout-all', async (c) => {
    const sessions = await signOutEverywhere(c.var.ctx);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
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
