import { Hono } from 'hono';
import { DomainError } from '../core/errors.js';
import type { Ctx } from '../core/context.js';
import { resolveActor } from './middleware/session.js';
import { resolveSite } from './middleware/tenant.js';
import { auth } from './routes/auth.js';
import { health } from './routes/health.js';
import { ideas } from './routes/ideas.js';
import { me } from './routes/me.js';
import { portal } from './routes/portal.js';
import { team } from './routes/team.js';

export type Env = { Variables: { ctx: Ctx; sessionToken?: string } };

/** The API: tenant from the Host header, thin routes over core functions, one error shape. */
export function createApp() {
  const app = new Hono<Env>().basePath('/api');
  app.route('/', health);
  app.use('*', resolveSite, resolveActor);
  app.route('/', portal);
  app.route('/', ideas);
  app.route('/', auth);
  app.route('/', me);
  app.route('/', team);
  app.notFound((c) => c.json(new DomainError('route_not_found', 404, 'No such API route.').toJSON(), 404));
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      if (error.status === 429 && error.fields?.retryAfter) c.header('retry-after', error.fields.retryAfter);
      return c.json(error.toJSON(), error.status);
    }
    console.error(error);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.', fields: {} } }, 500);
  });
  return app;
}

export const app = createApp();
