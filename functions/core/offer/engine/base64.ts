/*
 * Typed arrays inside a JSON snapshot as base64: loading is then one decode and one copy per
 * array, not millions of parsed numbers. Byte order is the machine's (little-endian everywhere
 * Node runs in practice), the same on write and read.
 */
export const toBase64 = (array: Int32Array | Uint16Array): string =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

/** Copied out of Buffer's pool, whose offsets need not suit an Int32Array. */
const bytes = (text: string): ArrayBuffer => {
  const buffer = Buffer.from(text, 'base64');
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
};

export const int32FromBase64 = (text: string) => new Int32Array(bytes(text));
export const uint16FromBase64 = (text: string) => new Uint16Array(bytes(text));
