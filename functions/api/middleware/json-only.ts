import { createMiddleware } from 'hono/factory';
import { DomainError, say } from '../../core/errors/index.js';
import type { Env } from '../app.js';
import { SAFE } from './session.js';

/**
 * The API reads JSON only: a state-changing request that sends a body of another type (a form
 * or `text/plain`, which a cross-site page can post without asking) is refused with 415.
 */
export const jsonOnly = createMiddleware<Env>(async (c, next) => {
  const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!SAFE.has(c.req.method) && hasBody && type !== 'application/json')
    throw new DomainError('unsupported_media_type', 415, say('access.jsonOnly'));
  await next();
});
