import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { deleteMe, exportMeLink, getMe, updateMe, SESSION_COOKIE } from '../../core/identity/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

export const me = new Hono<Env>()
  .get('/me', async (c) => c.json(await getMe(c.var.ctx)))
  .patch('/me', async (c) => c.json(await updateMe(c.var.ctx, await jsonBody(c))))
  .get('/me/export', async (c) => c.redirect(await exportMeLink(c.var.ctx), 303))
  .delete('/me', async (c) => {
    await deleteMe(c.var.ctx);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ deleted: true });
  });
