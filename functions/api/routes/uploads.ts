import { Hono } from 'hono';
import { createUpload, finalizeUpload } from '../../core/upload/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

export const uploads = new Hono<Env>()
  .post('/uploads', async (c) => c.json(await createUpload(c.var.ctx, await jsonBody(c)), 201))
  .post('/uploads/:id/finalize', async (c) => c.json(await finalizeUpload(c.var.ctx, c.req.param('id'))));
