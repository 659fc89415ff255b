import { Hono } from 'hono';
import { publicConfig, readBrandLogo } from '../../core/tenant/index.js';
import type { Env } from '../app.js';

export const portal = new Hono<Env>()
  .get('/portal', (c) => c.json(publicConfig(c.var.ctx.tenant)))
  .get('/portal/logo', async (c) => {
    const logo = await readBrandLogo(c.var.ctx);
    const cache = c.req.query('v') === logo.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
    return c.body(logo.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': logo.contentType,
      'cache-control': cache,
      // A logo is only ever an image: nothing inside it may run.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    });
  });
