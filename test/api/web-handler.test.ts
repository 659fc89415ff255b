import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/handlers/web.js';
import { apiGatewayEvent } from '../support/lambda.js';
import { hostOf, makeTenant } from '../support/tenants.js';

// As the stack sets it (read lazily by config(), at the first request below).
process.env.LOG_REQUESTS = 'true';

/** The pages' Lambda entry point, invoked as CloudFront would (viewer host in x-forwarded-host). */
describe('web Lambda handler', () => {
  it('renders the portal home with the tenant theme in the first HTML', async () => {
    process.env.TRUST_FORWARDED_HOST = 'true';
    const tenant = await makeTenant({
      name: { en: 'Lambda rendered portal' },
      theme: { primary: '#7c2d12', accent: '#b45309', surface: '#fffbeb', text: '#1c1917', font: 'classical' },
    });
    const result = await handler(
      apiGatewayEvent('GET', '/', { host: 'web.lambda-url.example', 'x-forwarded-host': hostOf(tenant) }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toContain('text/html');
    expect(result.body).toContain('Lambda rendered portal');
    expect(result.body).toContain('--primary:#7c2d12');
    expect(result.body).toMatch(/<html lang="en">/);
    // Only the app's own scripts run (this page ships none), with the framing, base and plugin rules.
    expect(result.headers?.['content-security-policy']).toBe(
      "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    );
    // A page that hydrates: its one inline start-up script is allowed by its hash, nothing else inline.
    const signin = await handler(
      apiGatewayEvent('GET', '/signin', { host: 'web.lambda-url.example', 'x-forwarded-host': hostOf(tenant) }),
    );
    const csp = String(signin.headers?.['content-security-policy']);
    const hashes = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    const inline = [...signin.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    expect(hashes.sort()).toEqual(inline.map((code) => createHash('sha256').update(code).digest('base64')).sort());
    expect(csp).not.toContain('unsafe-inline');
  });

  it('refuses a form post from another origin (CSRF)', async () => {
    process.env.TRUST_FORWARDED_HOST = 'true';
    const tenant = await makeTenant();
    const headers = {
      host: 'web.lambda-url.example',
      'x-forwarded-host': hostOf(tenant),
      'content-type': 'application/x-www-form-urlencoded',
    };
    const event = (origin: string) => ({
      ...apiGatewayEvent('POST', '/signin?/password', { ...headers, origin }),
      body: 'email=a%40b.test&password=whatever-password',
    });
    const forged = await handler(event('https://evil.example'));
    expect(forged.statusCode).toBe(403);
    const own = await handler(event(`https://${hostOf(tenant)}`));
    expect(own.statusCode).not.toBe(403);
  });

  it('answers 404 for a host that names no portal', async () => {
    const result = await handler(
      apiGatewayEvent('GET', '/', { host: 'web.lambda-url.example', 'x-forwarded-host': 'missing.localhost' }),
    );
    expect(result.statusCode).toBe(404);
  });

  it('logs each page as one JSON line with its request id, route, portal and status', async () => {
    process.env.TRUST_FORWARDED_HOST = 'true';
    const tenant = await makeTenant();
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await handler(
      apiGatewayEvent('GET', '/', { host: 'web.lambda-url.example', 'x-forwarded-host': hostOf(tenant) }),
    );
    const lines = out.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    out.mockRestore();
    expect(result.statusCode).toBe(200);
    expect(lines.find((l) => l.message === 'request')).toMatchObject({
      level: 'info',
      route: 'GET /',
      status: 200,
      tenantId: tenant.id,
      requestId: 'req',
    });
  });
});
