import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { shutOut } from '../../core/authz.js';
import { DomainError, say } from '../../core/errors/index.js';
import { actorFromSession, SESSION_COOKIE } from '../../core/identity/index.js';
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

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is asking: the session cookie, looked up for this tenant only. A state-changing request
 * that carries a cookie must come from the portal's own origin (CSRF).
 */
export const resolveActor = createMiddleware<Env>(async (c, next) => {
  const ctx = c.var.ctx;
  const origin = visitorOrigin(new URL(c.req.url), (name) => c.req.header(name));
  if (!SAFE.has(c.req.method) && c.req.header('cookie') && c.req.header('origin') !== origin) {
    throw new DomainError('cross_origin', 403, say('access.crossOrigin'));
  }
  const token = getCookie(c, SESSION_COOKIE);
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
