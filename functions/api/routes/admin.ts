import { Hono } from 'hono';
import {
  listAudit,
  addDomain,
  listDomains,
  removeDomain,
  verifyDomain,
  getSettings,
  signUpRate,
  updateSettings,
} from '../../core/admin/index.js';
import {
  addCategory,
  addSection,
  archiveSection,
  deleteCategory,
  listCategories,
  listSections,
  updateCategory,
  updateSection,
} from '../../core/admin/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** The portal's settings, for its owners and admins (the core refuses everyone else). */
export const admin = new Hono<Env>()
  .get('/admin/portal', async (c) => c.json(await getSettings(c.var.ctx)))
  .patch('/admin/portal', async (c) => c.json(await updateSettings(c.var.ctx, await jsonBody(c))))
  .get('/admin/signups', async (c) => c.json(await signUpRate(c.var.ctx)))
  .get('/admin/sections', async (c) => c.json({ items: await listSections(c.var.ctx) }))
  .post('/admin/sections', async (c) => c.json(await addSection(c.var.ctx, await jsonBody(c)), 201))
  .patch('/admin/sections/:id', async (c) =>
    c.json(await updateSection(c.var.ctx, c.req.param('id'), await jsonBody(c))),
  )
  .delete('/admin/sections/:id', async (c) => c.json(await archiveSection(c.var.ctx, c.req.param('id'))))
  .get('/admin/categories', async (c) => c.json({ items: await listCategories(c.var.ctx) }))
  .post('/admin/categories', async (c) => c.json(await addCategory(c.var.ctx, await jsonBody(c)), 201))
  .patch('/admin/categories/:id', async (c) =>
    c.json(await updateCategory(c.var.ctx, c.req.param('id'), await jsonBody(c))),
  )
  .delete('/admin/categories/:id', async (c) => {
    await deleteCategory(c.var.ctx, c.req.param('id'));
    return c.body(null, 204);
  })
  .get('/admin/domains', async (c) => c.json({ items: await listDomains(c.var.ctx) }))
  .post('/admin/domains', async (c) => c.json(await addDomain(c.var.ctx, await jsonBody(c)), 201))
  .post('/admin/domains/:domain/verify', async (c) => c.json(await verifyDomain(c.var.ctx, c.req.param('domain'))))
  .delete('/admin/domains/:domain', async (c) => {
    await removeDomain(c.var.ctx, c.req.param('domain'));
    return c.body(null, 204);
  })
  .get('/admin/audit', async (c) => c.json(await listAudit(c.var.ctx, c.req.query())));
