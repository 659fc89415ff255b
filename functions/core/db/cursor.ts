import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../config.js';
import { DomainError, say } from '../errors/index.js';

type LastKey = Record<string, unknown>;

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const sign = (payload: string) => createHmac('sha256', config().CURSOR_SECRET).update(payload).digest();

/** An opaque page cursor, signed and bound to the tenant and to the query it came from. */
export function encodeCursor(tenantId: string, query: string, lastKey: LastKey | undefined): string | null {
  if (!lastKey) return null;
  const payload = b64(JSON.stringify({ t: tenantId, q: query, k: lastKey }));
  return `${payload}.${b64(sign(payload))}`;
}

const invalid = () => new DomainError('invalid_cursor', 400, say('input.cursor'), { cursor: say('input.cursor') });

/** The DynamoDB start key, or a 400 when the cursor was forged, altered, or made for another tenant or query. */
export function decodeCursor(tenantId: string, query: string, cursor: string | undefined): LastKey | undefined {
  if (!cursor) return undefined;
  const [payload, mac] = cursor.split('.');
  if (!payload || !mac || cursor.length > 2048) throw invalid();
  const expected = sign(payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { t: string; q: string; k: LastKey };
  if (body.t !== tenantId || body.q !== query) throw invalid();
  return body.k;
}
