import { describe, expect, it } from 'vitest';
import { addressKey } from '../../functions/core/ratelimit.js';

/** Per-address limits count a client's network: an IPv6 client rotating inside its /64 is one subject. */
describe('addressKey', () => {
  it('keeps IPv4 addresses, and unwraps IPv4-mapped IPv6 ones', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 addresses on their /64, however they are written', () => {
    const one = addressKey('2001:db8:85a3:12::1');
    expect(one).toBe('2001:db8:85a3:12::/64');
    for (const same of [
      '2001:0db8:85a3:0012:ffff:ffff:ffff:ffff',
      '2001:DB8:85A3:12:0:0:0:42',
      '2001:db8:85a3:12:abcd::9',
    ])
      expect(addressKey(same), same).toBe(one);
    expect(addressKey('2001:db8:85a3:13::1')).not.toBe(one);
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('leaves anything else as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});
