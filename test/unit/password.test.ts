// The production cost, whatever this run sets for the other files (test/support/global-setup.ts):
// config() reads the environment at its first call, after this line.
delete process.env.SCRYPT_LOG_N;

import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../functions/core/identity/password.js';

describe('password hashes', () => {
  it('are scrypt at N=2^17, r=8, p=1 by default, with a salt of their own, and take only their password', async () => {
    const password = 'a long enough secret phrase';
    const [stored, again] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(again).not.toBe(stored);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword(`${password}.`, stored)).toBe(false);
  });
});
