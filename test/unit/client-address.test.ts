import { describe, expect, it } from 'vitest';
import { forwardedClientAddress } from '../../functions/core/tenant/host.js';

// As behind CloudFront (read lazily by config(), at the first call below).
process.env.TRUST_FORWARDED_HOST = 'true';
const from = (headers: Record<string, string>) => forwardedClientAddress((name) => headers[name]);

/** Rate limits key on this address: a client must not be able to choose it. */
describe('the visitor’s address behind the edge', () => {
  it('is what CloudFront adds, never the X-Forwarded-For entries the client wrote itself', () => {
    expect(from({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7');
    expect(from({ 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    expect(from({ 'cloudfront-viewer-address': '198.51.100.4:51234', 'x-forwarded-for': '6.6.6.6, 1.1.1.1' })).toBe(
      '198.51.100.4',
    );
    expect(from({ 'cloudfront-viewer-address': '2001:db8::7:443' })).toBe('2001:db8::7');
    expect(from({})).toBe('unknown');
  });
});
