import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../functions/core/db/cursor.js';

const key = { pk: 'T#a#I#1', sk: 'IDEA', topScore: 3 };

describe('signed cursors', () => {
  it('round-trip for the same tenant and query', () => {
    const cursor = encodeCursor('tenant-a', 'ideas:product:top', key)!;
    expect(decodeCursor('tenant-a', 'ideas:product:top', cursor)).toEqual(key);
  });

  it('are null at the end of a list, and absent means the first page', () => {
    expect(encodeCursor('tenant-a', 'q', undefined)).toBeNull();
    expect(decodeCursor('tenant-a', 'q', undefined)).toBeUndefined();
  });

  it('refuse another tenant, another query, a tampered payload or garbage', () => {
    const cursor = encodeCursor('tenant-a', 'ideas:product:top', key)!;
    expect(() => decodeCursor('tenant-b', 'ideas:product:top', cursor)).toThrow(/not valid/);
    expect(() => decodeCursor('tenant-a', 'ideas:product:new', cursor)).toThrow(/not valid/);
    const [payload, mac] = cursor.split('.');
    const tampered = Buffer.from(
      Buffer.from(payload!, 'base64url').toString().replace('"topScore":3', '"topScore":9'),
    ).toString('base64url');
    expect(() => decodeCursor('tenant-a', 'ideas:product:top', `${tampered}.${mac}`)).toThrow(/not valid/);
    for (const junk of ['abc', 'a.b', '.', 'x'.repeat(3000)]) {
      expect(() => decodeCursor('tenant-a', 'ideas:product:top', junk)).toThrow(/not valid/);
    }
  });
});
