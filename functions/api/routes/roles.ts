import { Hono } from 'hono';
import {
  acceptInvitation,
  changeRole,
  invite,
  listInvitations,
  listMembers,
  revokeInvitation,
} from '../../core/roles/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';
import { setSessionCookie } from './auth.js';

export const roles = new Hono<Env>()
  .get('/invitations', async (c) => c.json({ items: await listInvitations(c.var.ctx) }))
  .post('/invitations', async (c) => c.json(await invite(c.var.ctx, await jsonBody(c)), 201))
  .delete('/invitations/:id', async (c) => c.json(await revokeInvitation(c.var.ctx, c.req.param('id'))))
  .post('/invitations/accept', async (c) => {
    const { profile, token } = await acceptInvitation(c.var.ctx, await jsonBody(c));
    if (token) setSessionCookie(c, token);
    return c.json({ profile });
  })
  .get('/members', async (c) => c.json(await listMembers(c.var.ctx, c.req.query())))
  .patch('/members/:id', async (c) => c.json(await changeRole(c.var.ctx, c.req.param('id'), await jsonBody(c))));
