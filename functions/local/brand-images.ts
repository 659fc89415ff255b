import type { IncomingMessage, ServerResponse } from 'node:http';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, s3 } from '../core/db/index.js';
import { BRAND_IMAGE_HEADERS } from '../core/http/index.js';
import { isBrandFilePath } from '../core/tenant/index.js';

/** Whether a request's URL names a brand file (the path CloudFront serves from the bucket). */
export const isBrandImagePath = (url: string | undefined) => isBrandFilePath((url ?? '').split('?')[0]!);

/** Locally, what the edge does in AWS: a brand image straight from the bucket, with its headers. */
export async function serveBrandImage(req: IncomingMessage, res: ServerResponse) {
  const key = (req.url ?? '').split('?')[0]!.slice(1);
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }));
    res.writeHead(200, { ...BRAND_IMAGE_HEADERS, 'content-type': object.ContentType ?? 'application/octet-stream' });
    res.end(await object.Body!.transformToByteArray());
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }
}
