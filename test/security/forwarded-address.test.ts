// Behind CloudFront: the origin trusts what the edge adds (read lazily by config(), so set first).
process.env.TRUST_FORWARDED_HOST = 'true';

import { describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { LIMITS } from '../../functions/core/ratelimit.js';
import { hostOf, makeTenant } from '../support/tenants.js';

/** A sign-up as CloudFront hands it to the function: the portal's host forwarded, plus what the client wrote. */
const signUp = (host: string, n: number, headers: Record<string, string>) =>
  app.request('http://fn.lambda-url.example/api/auth/signup', {
    method: 'POST',
    headers: {
      host: 'fn.lambda-url.example',
      'x-forwarded-host': host,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({
      email: `visitor${n}@example.test`,
      password: 'a long enough secret phrase',
      displayName: `V${n}`,
    }),
  });

const allowed = LIMITS['signup:address'].max;
/** The hard per-address limit is what is tried here, not the owner's proof-of-work rate below it. */
const noProof = { signupProof: { perPortal: 1_000, perAddress: 1_000 } };

/** Per-address limits count the address CloudFront saw, whatever the client writes before it. */
describe('the visitor’s address, behind the edge', () => {
  it('limits a client that forges X-Forwarded-For entries as one client', async () => {
    const host = hostOf(await makeTenant(noProof));
    for (let n = 0; n < allowed; n++) {
      // Each request claims another address first; CloudFront appends the real one last.
      const res = await signUp(host, n, { 'x-forwarded-for': `10.0.${n}.1, 192.0.2.${n}, 203.0.113.9` });
      expect(res.status, await res.text()).toBe(202);
    }
    const refused = await signUp(host, allowed, { 'x-forwarded-for': '198.51.100.200, 203.0.113.9' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  }, 120_000);

  it('limits an IPv6 client rotating inside its /64 as one client, and not its neighbour', async () => {
    const host = hostOf(await makeTenant(noProof));
    for (let n = 0; n < allowed; n++) {
      const res = await signUp(host, n, {
        'cloudfront-viewer-address': `2001:db8:aa:bb:${(n + 1).toString(16)}::${n + 7}:443`,
        'x-forwarded-for': `2001:db8:ffff::${n}`,
      });
      expect(res.status, await res.text()).toBe(202);
    }
    const sameNetwork = await signUp(host, allowed, { 'cloudfront-viewer-address': '2001:db8:aa:bb:ffff::1:443' });
    expect(sameNetwork.status).toBe(429);
    const neighbour = await signUp(host, allowed + 1, { 'cloudfront-viewer-address': '2001:db8:aa:bc::1:443' });
    expect(neighbour.status).toBe(202);
  }, 120_000);
});
