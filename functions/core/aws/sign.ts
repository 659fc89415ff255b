import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/** SHA-256 (or its HMAC, given a secret) as the SDK's signer asks for it, from Node's crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {}
}

const bytes = (data: string | ArrayBuffer | ArrayBufferView) =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/**
 * The headers of a request signed with Signature V4 by the SDK's own signer (@smithy/signature-v4),
 * for the one call a function makes without loading a whole client (the API's S3 reads). The
 * credentials are the function role's, from the environment Lambda sets.
 */
export async function signedHeaders(o: {
  method: string;
  host: string;
  path: string;
  region: string;
  service: string;
  headers?: Record<string, string>;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  now?: Date;
}): Promise<Record<string, string>> {
  const { AWS_ACCESS_KEY_ID = '', AWS_SECRET_ACCESS_KEY = '', AWS_SESSION_TOKEN } = process.env;
  const signer = new SignatureV4({
    service: o.service,
    region: o.region,
    credentials: o.credentials ?? {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS_SESSION_TOKEN,
    },
    sha256: Sha256,
    // S3 takes its keys as they are; other services want the path escaped again.
    uriEscapePath: o.service !== 's3',
    // The payload hash header only where the caller sends one (S3 requires it).
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: o.method,
      protocol: 'https:',
      hostname: o.host,
      path: o.path,
      query: {},
      headers: { host: o.host, ...o.headers },
    },
    { signingDate: o.now },
  );
  return signed.headers;
}
