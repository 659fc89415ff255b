import { createHash } from 'node:crypto';
import { config } from '../config.js';
import { signRequest } from './sigv4.js';

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
    const { AWS_ACCESS_KEY_ID = '', AWS_SECRET_ACCESS_KEY = '', AWS_SESSION_TOKEN } = process.env;
    headers = signRequest({
      method: 'GET',
      host,
      path: `/${key}`,
      body: '',
      region: AWS_REGION,
      service: 's3',
      credentials: {
        accessKeyId: AWS_ACCESS_KEY_ID,
        secretAccessKey: AWS_SECRET_ACCESS_KEY,
        sessionToken: AWS_SESSION_TOKEN,
      },
      headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
    });
  }
  const res = await fetch(url, { headers });
  if (res.status === 404 || res.status === 403) return undefined;
  if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
  return res.text();
}
