import { Hono } from 'hono';
import { exportCsvLink, getDashboard } from '../../core/insights/index.js';
import type { Env } from '../app.js';

/** The team's dashboard figures and the CSV export of a period (`?from=&to=`, UTC days); the core refuses everyone but the team. */
export const insights = new Hono<Env>()
  .get('/team/dashboard', async (c) => c.json(await getDashboard(c.var.ctx, c.req.query())))
  // The file is written to S3 and fetched from there (303 to a short-lived link), whatever its size.
  .get('/team/export.csv', async (c) => c.redirect(await exportCsvLink(c.var.ctx, c.req.query()), 303));
