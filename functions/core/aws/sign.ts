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

export interface SignedRequest {
  method: string;
  /** The host as the request names it, with its port when there is one (the emulator's). */
  host: string;
  path: string;
  region: string;
  service: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  now?: Date;
}

/** The SDK's own signer (@smithy/signature-v4), with the function role's credentials from the environment Lambda sets. */
function signer(o: SignedRequest) {
  const { AWS_ACCESS_KEY_ID = '', AWS_SECRET_ACCESS_KEY = '', AWS_SESSION_TOKEN } = process.env;
  return new SignatureV4({
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
}

const request = (o: SignedRequest) => {
  const [hostname, port] = o.host.split(':');
  return {
    method: o.method,
    protocol: 'https:',
    hostname: hostname!,
    ...(port ? { port: Number(port) } : {}),
    path: o.path,
    query: o.query ?? {},
    headers: { host: o.host, ...o.headers },
  };
};

/**
 * The headers of a request signed with Signature V4, for the few S3 calls functions make
 * without loading the whole S3 client (the API's: see core/aws/s3-object.ts).
 */
export async function signedHeaders(o: SignedRequest): Promise<Record<string, string>> {
  const signed = await signer(o).sign(request(o), { signingDate: o.now });
  return signed.headers;
}

/**
 * The query of a presigned S3 request (X-Amz-*), valid for `expiresIn` seconds: a link anyone
 * holding it may follow. A link's payload is unsigned (S3 reads it as UNSIGNED-PAYLOAD), and
 * only the host is a signed header, so a browser can follow it as it is.
 */
export async function presignedQuery(o: SignedRequest & { expiresIn: number }): Promise<Record<string, string>> {
  const unsigned = new Set(['x-amz-content-sha256']);
  const toSign = request({ ...o, headers: { ...o.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
  const signed = await signer(o).presign(toSign, {
    signingDate: o.now,
    expiresIn: o.expiresIn,
    unsignableHeaders: unsigned,
    unhoistableHeaders: unsigned,
  });
  return Object.fromEntries(
    Object.entries(signed.query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]),
  );
}
