import { createMiddleware } from 'hono/factory';
import { refuseNonJson } from '../../core/http/index.js';
import type { Env } from '../app.js';

/** The API reads JSON only (core/http refuseNonJson). */
export const jsonOnly = createMiddleware<Env>(async (c, next) => {
  refuseNonJson(
    c.req.method,
    (name) => c.req.header(name),
    c.req.raw.body !== null && c.req.header('content-length') !== '0',
  );
  await next();
});
