import { Hono } from 'hono';
import {
  deleteMe,
  disableTwoStep,
  enableTwoStep,
  exportMeLink,
  getMe,
  removeMyPhoto,
  setMyPhoto,
  startTwoStep,
  updateMe,
} from '../../core/identity/index.js';
import { clearSessionCookie } from './auth.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

export const me = new Hono<Env>()
  .get('/me', async (c) => c.json(await getMe(c.var.ctx)))
  .patch('/me', async (c) => c.json(await updateMe(c.var.ctx, await jsonBody(c))))
  .post('/me/two-step/start', async (c) => c.json(await startTwoStep(c.var.ctx, await jsonBody(c)), 201))
  .post('/me/two-step/enable', async (c) => c.json(await enableTwoStep(c.var.ctx, await jsonBody(c))))
  .post('/me/two-step/disable', async (c) => {
    await disableTwoStep(c.var.ctx, await jsonBody(c));
    return c.json({ disabled: true });
  })
  .put('/me/photo', async (c) => {
    await setMyPhoto(c.var.ctx, await jsonBody(c));
    return c.json({ chosen: true }, 202);
  })
  .delete('/me/photo', async (c) => {
    await removeMyPhoto(c.var.ctx);
    return c.json({ removed: true });
  })
  .get('/me/export', async (c) => c.redirect(await exportMeLink(c.var.ctx), 303))
  .delete('/me', async (c) => {
    await deleteMe(c.var.ctx);
    clearSessionCookie(c);
    return c.json({ deleted: true });
  });
