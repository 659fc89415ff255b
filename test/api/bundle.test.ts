import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../infra/bundle.js';
import { apiGatewayEvent } from '../support/lambda.js';
import { hostOf, makeTenant } from '../support/tenants.js';

/** The artifact CDK deploys (esbuild bundle with its trims), run against DynamoDB Local. */
describe('API Lambda bundle', () => {
  it('answers from the table like the source does', async () => {
    // Its own folder: the infra test bundles into .build/ at the same time.
    const file = join(await bundle('api', mkdtempSync(join(tmpdir(), 'portal-bundle-'))), 'index.mjs');
    // The API function's budget (cold start): a core function its routes do not use must not come along.
    expect(statSync(file).size).toBeLessThanOrEqual(600 * 1024);
    const { handler } = (await import(pathToFileURL(file).href)) as {
      handler: (e: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const tenant = await makeTenant({ name: { en: 'Bundled portal' } });
    const res = await handler(apiGatewayEvent('GET', '/api/portal', { host: hostOf(tenant) }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).name.en).toBe('Bundled portal');
    const signin = await handler(
      apiGatewayEvent('POST', '/api/auth/signin', { host: hostOf(tenant), 'content-type': 'application/json' }),
    );
    expect(signin.statusCode).toBe(400);
  }, 60_000);
});
