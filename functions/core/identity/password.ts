import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { nowIso, type Ctx } from '../context.js';
import { members, type Write } from '../db/index.js';
import { says } from '../errors/index.js';
import { config } from '../config.js';
import { isCommonPassword } from './common-passwords.js';

const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const options = (logN: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** logN,
  r,
  p,
  maxmem: 256 * 128 * r * 2 ** logN,
});

/** A memory-hard hash (scrypt, N=2^17, r=8, p=1 by default), stored with its parameters so they can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const logN = config().SCRYPT_LOG_N;
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, options(logN, 8, 1));
  return `scrypt$${logN}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time comparison against a stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    options(Number(logN), Number(r), Number(p)),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, compared against when the e-mail is unknown, so that sign-in
 * takes as long for an unknown e-mail as for a wrong password.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

export const NewPassword = z
  .string()
  .min(12)
  .max(128)
  .refine((p) => !isCommonPassword(p), says('account.commonPassword'));

/**
 * A new password as one write of a transaction, which also ends every session and every reset
 * or sign-in link token of the account issued before it (`sessionsNotBefore`, `tokensNotBefore`):
 * all at once or not at all. Only if the account still has `replacing` as its password (a
 * change), or has ended no tokens since `tokenIssuedAt` (a reset link: a later reset outlives it).
 */
export function newPasswordWrite(
  ctx: Ctx,
  memberId: string,
  passwordHash: string,
  since: { replacing: string } | { tokenIssuedAt: string },
): Write {
  const at = nowIso(ctx);
  return members.update([ctx.tenant.id, memberId], {
    UpdateExpression:
      'SET passwordHash = :h, verifiedAt = if_not_exists(verifiedAt, :at), sessionsNotBefore = :at, tokensNotBefore = :at',
    ConditionExpression:
      'replacing' in since
        ? 'attribute_exists(pk) AND passwordHash = :was'
        : 'attribute_exists(pk) AND (attribute_not_exists(tokensNotBefore) OR tokensNotBefore <= :issued)',
    ExpressionAttributeValues: {
      ':h': passwordHash,
      ':at': at,
      ...('replacing' in since ? { ':was': since.replacing } : { ':issued': since.tokenIssuedAt }),
    },
  });
}
