import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { config } from '../config.js';

/*
 * Secrets the portal must read back (a two-step sign-in's TOTP key) are sealed before they are
 * stored: AES-256-GCM under a key derived from SEAL_KEY (a Secrets Manager value in AWS), so a
 * copy of the table (a backup, an export, a stray read) does not give anyone the codes. The
 * purpose is bound into the key and the additional data: a value sealed for one use opens for no other.
 */

const keyFor = (purpose: string) =>
  Buffer.from(hkdfSync('sha256', config().SEAL_KEY, Buffer.alloc(0), `portal-seal:${purpose}`, 32));

/** `v1.<iv>.<ciphertext>.<tag>`, base64url. */
export function seal(purpose: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The text sealed for this purpose; throws if it was altered, sealed for another purpose or under another key. */
export function unseal(purpose: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('Not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
