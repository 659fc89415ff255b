import { Hono } from 'hono';
import { listNotifications, markRead, unreadCount } from '../../core/notify/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

export const notifications = new Hono<Env>()
  .get('/notifications', async (c) => {
    const page = await listNotifications(c.var.ctx, c.req.query());
    return c.json({ ...page, unread: await unreadCount(c.var.ctx) });
  })
  .post('/notifications/read', async (c) => c.json({ marked: await markRead(c.var.ctx, await jsonBody(c)) }));
