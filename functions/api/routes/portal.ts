import { Hono } from 'hono';
import { configFor } from '../../core/tenant/index.js';
import type { Env } from '../app.js';

export const portal = new Hono<Env>().get('/portal', (c) => c.json(configFor(c.var.ctx)));
