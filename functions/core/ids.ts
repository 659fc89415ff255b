import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A 20-character id: 9 characters of milliseconds (sortable by creation) and 11 random ones (55 bits). */
export function newId(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 9; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  const bytes = randomBytes(11);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return time + rand;
}

export const IdPattern = /^[0-9a-z]{20}$/;
