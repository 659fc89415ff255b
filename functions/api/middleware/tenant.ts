import { createMiddleware } from 'hono/factory';
import { visitor } from '../../core/context.js';
import { DomainError, say } from '../../core/errors/index.js';
import { logContext } from '../../core/log/index.js';
import { hostFromHeaders, resolveHost } from '../../core/tenant/index.js';
import type { Env } from '../app.js';

/** Every tenant route runs for the tenant the Host header names, and for nobody else. */
export const resolveSite = createMiddleware<Env>(async (c, next) => {
  const site = await resolveHost(hostFromHeaders((name) => c.req.header(name)));
  if (site.kind !== 'tenant') throw new DomainError('tenant_not_found', 404, say('notFound.portalRoute'));
  c.set('ctx', { tenant: site.tenant, actor: visitor });
  const logged = logContext();
  if (logged) logged.tenantId = site.tenant.id;
  await next();
});
