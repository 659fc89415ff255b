import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError, say } from '../../core/errors/index.js';
import { openPortal, slugAvailability } from '../../core/admin/index.js';
import { hostFromHeaders, resolveHost } from '../../core/tenant/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';
import { clientAddress, sameOriginOnly } from '../middleware/session.js';

/** Platform routes exist on the apex host only; on a portal's host they are not found. */
const onPlatform = createMiddleware<Env>(async (c, next) => {
  const site = await resolveHost(hostFromHeaders((name) => c.req.header(name))).catch(() => undefined);
  if (site?.kind !== 'platform') throw new DomainError('route_not_found', 404, say('notFound.route'));
  await next();
});

export const platform = new Hono<Env>()
  // Opening a portal is a state change like any other: from the platform's own page only (CSRF).
  .use('/portals', onPlatform, sameOriginOnly)
  .use('/portals/*', onPlatform, sameOriginOnly)
  .get('/portals/slug-available', async (c) => c.json(await slugAvailability(c.req.query('slug') ?? '')))
  .post('/portals', async (c) => {
    const opened = await openPortal({ address: clientAddress(c), platformUrl: new URL(c.req.url) }, await jsonBody(c));
    return c.json(
      {
        slug: opened.tenant.slug,
        url: `${opened.origin}/`,
        welcome: `${opened.origin}/welcome?token=${encodeURIComponent(opened.handoff)}`,
      },
      201,
    );
  });
