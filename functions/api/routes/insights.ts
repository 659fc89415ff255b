import { Hono } from 'hono';
import { exportCsv, exportFileName, getDashboard } from '../../core/insights/index.js';
import type { Env } from '../app.js';

/** The team's dashboard figures and the CSV export of a period (`?from=&to=`, UTC days); the core refuses everyone but the team. */
export const insights = new Hono<Env>()
  .get('/team/dashboard', async (c) => c.json(await getDashboard(c.var.ctx, c.req.query())))
  .get('/team/export.csv', async (c) => {
    const csv = await exportCsv(c.var.ctx, c.req.query());
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(c.var.ctx, c.req.query())}"`,
      'cache-control': 'no-store',
    });
  });
