import { randomBytes } from 'node:crypto';
import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newTotpSecret,
  otpauthUri,
} from '../../functions/core/identity/totp.js';
import { seal, unseal } from '../../functions/core/identity/sealed.js';

describe('TOTP (RFC 6238)', () => {
  it('gives the published SHA-1 test vectors of RFC 6238 appendix B', () => {
    const secret = Buffer.from('12345678901234567890');
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [time, code] of vectors) expect(hotp(secret, Math.floor(time / 30), 8), String(time)).toBe(code);
  });

  it('reads what an authenticator app (the otpauth library) shows, this step and its neighbours only', () => {
    for (let i = 0; i < 50; i++) {
      const secret = newTotpSecret();
      const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
      const at = 1_700_000_000_000 + i * 7_777_777;
      const step = Math.floor(at / 30_000);
      expect(matchingStep(secret, app.generate({ timestamp: at }), at)).toBe(step);
      expect(matchingStep(secret, app.generate({ timestamp: at - 30_000 }), at)).toBe(step - 1);
      expect(matchingStep(secret, app.generate({ timestamp: at + 30_000 }), at)).toBe(step + 1);
      const old = app.generate({ timestamp: at - 90_000 });
      if (![step - 1, step, step + 1].some((s) => app.generate({ timestamp: s * 30_000 }) === old)) {
        expect(matchingStep(secret, old, at)).toBeUndefined();
      }
    }
    expect(matchingStep(newTotpSecret(), '12345', Date.now())).toBeUndefined();
    expect(matchingStep(newTotpSecret(), 'abcdef', Date.now())).toBeUndefined();
  });

  it('writes base32 and the otpauth URI as apps read them', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      const text = base32Encode(bytes);
      expect(text).toBe(new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + n) }).base32);
      expect(base32Decode(text).equals(bytes)).toBe(true);
    }
    const secret = newTotpSecret();
    const uri = otpauthUri({ secret, issuer: 'Café & Co', account: 'ana+ideas@example.test' });
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Café & Co');
    expect(parsed.label).toBe('ana+ideas@example.test');
    expect(parsed.secret.base32).toBe(secret);
    expect(parsed.period).toBe(30);
    expect(parsed.digits).toBe(6);
  });
});

describe('sealed secrets', () => {
  it('open only for their purpose, unaltered, and never read as the secret in the table', () => {
    const sealed = seal('totp', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(seal('totp', 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(unseal('totp', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => unseal('other', sealed)).toThrow();
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => unseal('totp', [v, iv, flipped.toString('base64url'), tag].join('.'))).toThrow();
  });
});
