import { createHash } from 'node:crypto';
import { config } from '../config.js';
import { signedHeaders } from './sign.js';

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/**
 * Reads one object of the bucket with a signed GET, for functions that must not load the S3
 * client (the API): undefined when it does not exist. Locally the emulator's path-style URL.
 */
export async function getObjectText(key: string): Promise<string | undefined> {
  const { S3_ENDPOINT, BUCKET_NAME, AWS_REGION } = config();
  let url: string;
  let headers: Record<string, string> = {};
  if (S3_ENDPOINT) {
    url = `${S3_ENDPOINT}/${BUCKET_NAME}/${key}`;
  } else {
    const host = `${BUCKET_NAME}.s3.${AWS_REGION}.amazonaws.com`;
    url = `https://${host}/${key}`;
    headers = await signedHeaders({
      method: 'GET',
      host,
      path: `/${key}`,
      region: AWS_REGION,
      service: 's3',
      headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
    });
  }
  const res = await fetch(url, { headers });
  if (res.status === 404 || res.status === 403) return undefined;
  if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
  return res.text();
}
