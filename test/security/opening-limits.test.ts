// Behind CloudFront: the address is what the edge adds (read lazily by config(), so set first).
process.env.TRUST_FORWARDED_HOST = 'true';

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDomain, removeDomain } from '../../functions/core/admin/index.js';
import { app } from '../../functions/api/full.js';
import type { Ctx } from '../../functions/core/context.js';
import { LIMITS } from '../../functions/core/ratelimit.js';
import { asMember, makeMembers, makeTenant } from '../support/tenants.js';

const open = (n: number, email: string) =>
  app.request('http://fn.lambda-url.example/api/portals', {
    method: 'POST',
    headers: {
      host: 'fn.lambda-url.example',
      'x-forwarded-host': 'localhost',
      // A new address each time: only the owner's e-mail ties these together.
      'cloudfront-viewer-address': `192.0.2.${n + 1}:443`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      name: `Portal ${n}`,
      slug: `limit-${randomBytes(4).toString('hex')}`,
      lang: 'en',
      owner: { displayName: 'Olive', email, password: 'correct horse battery staple' },
    }),
  });

/** What one person can make the platform spend: portals (each with domains and certificates), and domains. */
describe('opening portals and adding domains', () => {
  it('opens at most a few portals a day with one owner e-mail, from any number of addresses', async () => {
    const email = `olive-${randomBytes(4).toString('hex')}@example.test`;
    for (let n = 0; n < LIMITS['portal:email'].max; n++) expect((await open(n, email)).status).toBe(201);
    const refused = await open(50, email.toUpperCase());
    expect(refused.status).toBe(429);
    expect((await open(51, `other-${email}`)).status).toBe(201);
  });

  it('lets a portal add at most ten custom domains a day, even when it removes them again', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const owner: Ctx = {
      ...asMember(tenant, m!),
      actor: { ...asMember(tenant, m!).actor, role: 'owner' } as Ctx['actor'],
    };
    for (let n = 0; n < LIMITS['domain:portal'].max; n++) {
      await addDomain(owner, { domain: `d${n}.brand-${tenant.slug}.com` });
      await removeDomain(owner, `d${n}.brand-${tenant.slug}.com`);
    }
    await expect(addDomain(owner, { domain: `late.brand-${tenant.slug}.com` })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
  });
});
