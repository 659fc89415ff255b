import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { shutOut } from '../../core/authz.js';
import { DomainError, say } from '../../core/errors/index.js';
import { actorFromSession, sessionCookie } from '../../core/identity/index.js';
import { forwardedClientAddress, visitorOrigin } from '../../core/tenant/index.js';
import type { Env } from '../app.js';

/** The client address: CloudFront's x-forwarded-for in AWS, the socket's peer locally. */
export function clientAddress(c: Context): string {
  const forwarded = forwardedClientAddress((name) => c.req.header(name));
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request in tests and Lambda events have no socket
  }
}

export const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request may come from where it says it comes from. A browser names
 * the page's origin on every such request: another origin is refused whether or not a cookie
 * comes along (a cross-site form that signs a victim in as the attacker carries none), and so
 * is a cookie without the portal's origin. Server-to-server calls send neither.
 */
export function crossOrigin(c: Context, portalOrigin: string): boolean {
  if (SAFE.has(c.req.method)) return false;
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin !== portalOrigin;
  return c.req.header('sec-fetch-site') === 'cross-site' || c.req.header('cookie') !== undefined;
}

/** For routes that need no session (the platform's): the same origin rule, on its own. */
export const sameOriginOnly = createMiddleware<Env>(async (c, next) => {
  const origin = visitorOrigin(new URL(c.req.url), (name) => c.req.header(name));
  if (crossOrigin(c, origin)) throw new DomainError('cross_origin', 403, say('access.crossOrigin'));
  await next();
});

/** Who is asking: the session cookie, looked up for this tenant only, once the request's origin is checked (CSRF). */
export const resolveActor = createMiddleware<Env>(async (c, next) => {
  const ctx = c.var.ctx;
  const origin = visitorOrigin(new URL(c.req.url), (name) => c.req.header(name));
  if (crossOrigin(c, origin)) throw new DomainError('cross_origin', 403, say('access.crossOrigin'));
  const token = getCookie(c, sessionCookie(origin).name);
  c.set('ctx', {
    ...ctx,
    actor: await actorFromSession(ctx.tenant.id, token),
    request: { origin, address: clientAddress(c) },
  });
  c.set('sessionToken', token);
  await next();
});

/** A members-only or invitation-only portal answers its visitors 401 everywhere but at its few open doors. */
export const closedPortalGate = createMiddleware<Env>(async (c, next) => {
  if (shutOut(c.var.ctx, 'api', new URL(c.req.url).pathname)) {
    throw new DomainError('sign_in_required', 401, say('access.membersOnly'));
  }
  await next();
});
