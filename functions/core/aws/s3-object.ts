import { createHash } from 'node:crypto';
import { config } from '../config.js';
import { presignedQuery, signedHeaders } from './sign.js';

/*
 * The S3 calls of functions that must not load the S3 client (the API's 600 KB budget: the
 * client is most of it), each one request signed by the SDK's own signer: a snapshot read, an
 * export written, a download link. Locally, the emulator's path-style URLs and its own keys.
 */

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
/** s3rver only accepts its own pair. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Where a key lives: the bucket's virtual host in AWS, the emulator's path locally. */
function locate(key: string) {
  const { S3_ENDPOINT, BUCKET_NAME, AWS_REGION } = config();
  const path = `/${key.split('/').map(uriEscape).join('/')}`;
  if (S3_ENDPOINT) {
    const endpoint = new URL(S3_ENDPOINT);
    return {
      origin: endpoint.origin,
      host: endpoint.host,
      path: `/${BUCKET_NAME}${path}`,
      region: AWS_REGION,
      credentials: EMULATOR_CREDENTIALS,
    };
  }
  const host = `${BUCKET_NAME}.s3.${AWS_REGION}.amazonaws.com`;
  return { origin: `https://${host}`, host, path, region: AWS_REGION, credentials: undefined };
}

async function send(method: 'GET' | 'PUT', key: string, body?: Uint8Array, headers: Record<string, string> = {}) {
  const where = locate(key);
  const payloadHash = body ? createHash('sha256').update(body).digest('hex') : EMPTY_SHA256;
  const signed = await signedHeaders({
    method,
    host: where.host,
    path: where.path,
    region: where.region,
    service: 's3',
    credentials: where.credentials,
    headers: { ...headers, 'x-amz-content-sha256': payloadHash },
  });
  // fetch sets the host itself (and refuses to be told).
  const { host: _, ...rest } = signed;
  return fetch(`${where.origin}${where.path}`, { method, headers: rest, body: body as BodyInit | undefined });
}

/** One object's text; undefined when it does not exist. */
export async function getObjectText(key: string): Promise<string | undefined> {
  const res = await send('GET', key);
  if (res.status === 404 || res.status === 403) return undefined;
  if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
  return res.text();
}

/** Writes one object. */
export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  const res = await send('PUT', key, body, { 'content-type': contentType });
  if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${await res.text()}`);
}

export interface DownloadLink {
  filename: string;
  contentType: string;
  /** Shown in the browser (images) rather than saved. */
  inline?: boolean;
  /** How long the link works: long enough to start a download, short enough that a leaked link soon dies. */
  expiresIn?: number;
}

/** Five minutes: a page's images load and a download starts well within it. */
export const LINK_SECONDS = 300;

/**
 * A short-lived signed GET link to one object, for whoever the core has just let read it: the
 * browser fetches the bytes from S3, never through a function. S3 answers with the type and
 * file name written in the link, and private caching no longer than the link lives.
 */
export async function downloadLink(key: string, file: DownloadLink): Promise<string> {
  const where = locate(key);
  const expiresIn = file.expiresIn ?? LINK_SECONDS;
  const disposition = `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  const query = await presignedQuery({
    method: 'GET',
    host: where.host,
    path: where.path,
    region: where.region,
    service: 's3',
    credentials: where.credentials,
    expiresIn,
    query: {
      'response-content-type': file.contentType,
      'response-content-disposition': disposition,
      'response-cache-control': `private, max-age=${expiresIn}`,
    },
  });
  const search = Object.entries(query)
    .map(([k, v]) => `${uriEscape(k)}=${uriEscape(v)}`)
    .join('&');
  return `${where.origin}${where.path}?${search}`;
}

/** Percent-encoding as SigV4 canonicalizes it (spaces as %20, never +), so what is sent is what was signed. */
const uriEscape = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
