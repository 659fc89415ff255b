import { Hono } from 'hono';
import { publicConfig } from '../../core/tenant/index.js';
import type { Env } from '../app.js';

export const portal = new Hono<Env>().get('/portal', (c) => c.json(publicConfig(c.var.ctx.tenant)));
