// Behind CloudFront: the address is what the edge adds (read lazily by config(), so set first).
process.env.TRUST_FORWARDED_HOST = 'true';

import { describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { readOutbox } from '../../functions/local/outbox.js';
import { LIMITS } from '../../functions/core/ratelimit.js';
import { mailSent } from '../support/outbox.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { hostOf } from '../support/tenants.js';

const post = (host: string, path: string, viewer: string, body: unknown) =>
  app.request(`http://fn.lambda-url.example/api${path}`, {
    method: 'POST',
    headers: {
      host: 'fn.lambda-url.example',
      'x-forwarded-host': host,
      'cloudfront-viewer-address': `${viewer}:443`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

/** Targeted lock-out: what an attacker who knows the owner's e-mail can do to them. */
describe('an attacker elsewhere cannot lock the owner out', () => {
  it('holds back wrong passwords where they come from, and tells the owner by e-mail', async () => {
    const { tenant } = await portalWithRoles();
    const host = hostOf(tenant);
    const email = 'owner@example.test';
    const tries = LIMITS['signin:pair'].max;
    for (let n = 0; n < tries; n++)
      expect((await post(host, '/auth/signin', ATTACKER, { email, password: `guess ${n}` })).status).toBe(401);
    expect((await post(host, '/auth/signin', ATTACKER, { email, password: PASSWORD })).status).toBe(429);
    // The owner, from their own network, signs in.
    expect((await post(host, '/auth/signin', OWNER, { email, password: PASSWORD })).status).toBe(200);

    // Told once, in their language, with a way to choose a new password.
    await mailSent();
    // (Other portals' owners share the address in tests: this portal's warnings are those linking to it.)
    const warnings = (await readOutbox()).filter(
      (m) => m.to === email && /wrong passwords/i.test(m.subject) && m.link === `https://${host}/reset-request`,
    );
    expect(warnings).toHaveLength(1);
  });

  it('does not let an attacker use up the owner’s reset and sign-in links', async () => {
    const { tenant } = await portalWithRoles();
    const host = hostOf(tenant);
    const email = 'member@example.test';
    for (let n = 0; n < LIMITS['mail:pair'].max; n++)
      expect((await post(host, '/auth/reset-request', ATTACKER, { email })).status).toBeLessThan(300);
    expect((await post(host, '/auth/reset-request', ATTACKER, { email })).status).toBe(429);
    expect((await post(host, '/auth/link', ATTACKER, { email })).status).toBe(429);
    // The owner still gets their link.
    expect((await post(host, '/auth/reset-request', OWNER, { email })).status).toBeLessThan(300);
  });
});
