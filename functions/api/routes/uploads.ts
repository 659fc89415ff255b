import { Hono } from 'hono';
import { removeBrandImage, setBrandImage } from '../../core/admin/index.js';
import type { BrandImageKind } from '../../core/tenant/index.js';
import { createUpload, finalizeUpload } from '../../core/upload/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** The routes that copy or delete objects in S3, so need its client: uploads, and brand images made from them. */
export const uploads = new Hono<Env>()
  .post('/uploads', async (c) => c.json(await createUpload(c.var.ctx, await jsonBody(c)), 201))
  .post('/uploads/:id/finalize', async (c) => c.json(await finalizeUpload(c.var.ctx, c.req.param('id'))))
  .put('/admin/portal/images/:kind', async (c) =>
    c.json(await setBrandImage(c.var.ctx, { ...(await jsonBody(c)), kind: c.req.param('kind') as BrandImageKind })),
  )
  .delete('/admin/portal/images/:kind', async (c) =>
    c.json(await removeBrandImage(c.var.ctx, c.req.param('kind') as BrandImageKind)),
  );
