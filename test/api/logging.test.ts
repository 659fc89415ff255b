import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { coreRoutes } from '../../functions/api/routes/index.js';
import { hostOf, makeTenant } from '../support/tenants.js';

// As the stack sets it (read lazily by config(), after this line).
process.env.LOG_REQUESTS = 'true';
const app = createApp(...coreRoutes);
const lines = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);

afterEach(() => vi.restoreAllMocks());

/** What an operator reads in CloudWatch: JSON lines with the request, its route and its portal. */
describe('API logs', () => {
  it('write one JSON line per request with its id, route, portal, status and time', async () => {
    const tenant = await makeTenant();
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const host = hostOf(tenant);
    await app.request(`http://${host}/api/portal`, { headers: { host } });
    await app.request(`http://${host}/api/ideas/0000000000aaaaaaaaaa`, { headers: { host } });
    const [portal, idea] = lines(out).filter((l) => l.message === 'request');
    expect(portal).toMatchObject({ level: 'info', route: 'GET /api/portal', status: 200, tenantId: tenant.id });
    expect(idea).toMatchObject({ route: 'GET /api/ideas/:id', status: 404, tenantId: tenant.id });
    expect(portal!.requestId).toEqual(expect.any(String));
    expect(portal!.requestId).not.toBe(idea!.requestId);
    expect(portal!.ms).toEqual(expect.any(Number));
  });

  it('log an unexpected failure as an error line with the request’s fields', async () => {
    const tenant = await makeTenant();
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const broken = createApp(...coreRoutes);
    broken.get('/boom', () => {
      throw new Error('the disk is on fire');
    });
    const host = hostOf(tenant);
    const res = await broken.request(`http://${host}/api/boom`, { headers: { host } });
    expect(res.status).toBe(500);
    const [line] = lines(err);
    expect(line).toMatchObject({
      level: 'error',
      message: 'unhandled error',
      tenantId: tenant.id,
      error: { name: 'Error', message: 'the disk is on fire' },
    });
    expect(line!.requestId).toEqual(expect.any(String));
  });
});
