import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { config } from '../core/config.js';

/** The header CloudFront adds to every request it sends an origin (infra/edge.ts); viewers cannot set it through it. */
export const ORIGIN_HEADER = 'x-origin-verify';

const matches = (given: string, secret: string) =>
  given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));

/**
 * A request-path function answers only what came through CloudFront: a call to its function URL
 * that lacks the edge's secret header gets 403 before any other work (no tenant lookup, no
 * forwarded header is read). Two secrets are accepted while the stack rotates them. Without
 * ORIGIN_SECRETS (the local stack) there is no edge, and nothing to check.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app, whatever its env and base path
export function edgeOnly(app: Hono<any, any, any>): Hono {
  const guarded = new Hono();
  guarded.use('*', async (c, next) => {
    const secrets = config().ORIGIN_SECRETS;
    const given = c.req.header(ORIGIN_HEADER) ?? '';
    if (secrets.length && !secrets.some((secret) => matches(given, secret))) return c.text('Forbidden', 403);
    await next();
  });
  guarded.route('/', app);
  return guarded;
}
