import { Hono } from 'hono';
import type { Ctx } from '../core/context.js';
import { DomainError, say } from '../core/errors/index.js';
import { secure } from '../core/http/index.js';
import { newId } from '../core/ids.js';
import { errorFields, log, logRequest, withLogContext } from '../core/log/index.js';
import { closedPortalGate, resolveActor } from './middleware/session.js';
import { resolveSite } from './middleware/tenant.js';
import { jsonOnly } from './middleware/json-only.js';
import { health } from './routes/health.js';
import { platform } from './routes/platform.js';

export type Env = { Variables: { ctx: Ctx; sessionToken?: string } };

/**
 * An API app: tenant from the Host header, then the session, then thin routes over core
 * functions, with one error shape. The groups of routes it serves are chosen by the caller, so
 * that a Lambda function loads only what its routes need (see functions/handlers).
 */
export function createApp(...groups: Hono<Env>[]) {
  const app = new Hono<Env>().basePath('/api');
  // One JSON line per request (and on every line logged while it runs): its id, route, portal, status, time.
  app.use('*', (c, next) =>
    withLogContext({ requestId: requestIdOf(c.env), route: `${c.req.method} ${c.req.path}` }, async () => {
      const started = Date.now();
      await next();
      secure(c.res.headers);
      logRequest({
        route: `${c.req.method} ${c.req.routePath}`,
        status: c.res.status,
        ms: Date.now() - started,
      });
    }),
  );
  // Every route reads JSON only, the platform's too (a foreign page's form post is a 415).
  app.use('*', jsonOnly);
  app.route('/', health);
  // The platform's own routes answer on its apex host only; everything after belongs to a portal.
  app.route('/', platform);
  app.use('*', resolveSite, resolveActor, closedPortalGate);
  for (const group of groups) app.route('/', group);
  app.notFound((c) => c.json(new DomainError('route_not_found', 404, say('notFound.route')).toJSON(), 404));
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      // The wait is the rate limit's own parameter: one fact, in the message and the header.
      if (error.status === 429) c.header('retry-after', String(error.text.params?.seconds ?? 60));
      return c.json(error.toJSON(), error.status);
    }
    log('error', 'unhandled error', { route: `${c.req.method} ${c.req.path}`, ...errorFields(error) });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.', fields: {} } }, 500);
  });
  return app;
}

/** The id AWS gave the request (function URL event), else a new one (local server, tests). */
function requestIdOf(env: unknown): string {
  const id = (env as { event?: { requestContext?: { requestId?: string } } } | undefined)?.event?.requestContext
    ?.requestId;
  return id ?? newId();
}
