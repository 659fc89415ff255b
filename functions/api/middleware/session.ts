import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { shutOut } from '../../core/authz.js';
import { DomainError, say } from '../../core/errors/index.js';
import { actorFromSession, sessionCookie } from '../../core/identity/index.js';
import { refuseCrossOrigin } from '../../core/http/index.js';
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

/** The portal's origin as the viewer sees it, and the request refused when it comes from elsewhere (CSRF). */
function checkedOrigin(c: Context): string {
  const header = (name: string) => c.req.header(name);
  const origin = visitorOrigin(new URL(c.req.url), header);
  refuseCrossOrigin(c.req.method, header, origin);
  return origin;
}

/** For routes that need no session (the platform's): the same origin rule, on its own. */
export const sameOriginOnly = createMiddleware<Env>(async (c, next) => {
  checkedOrigin(c);
  await next();
});

/** Who is asking: the session cookie, looked up for this tenant only, once the request's origin is checked (CSRF). */
export const resolveActor = createMiddleware<Env>(async (c, next) => {
  const ctx = c.var.ctx;
  const origin = checkedOrigin(c);
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
