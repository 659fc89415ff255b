import { PutObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, s3, keys } from '../db/index.js';
import { offerSnapshot } from './index-store.js';

/** Stores the portal's offer index in S3 for cold starts (from the stream consumer: it has the S3 client). */
export async function saveOfferSnapshot(tenantId: string): Promise<number> {
  const body = await offerSnapshot(tenantId);
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: keys.offerSnapshot(tenantId),
      Body: body,
      ContentType: 'application/json',
    }),
  );
  return Buffer.byteLength(body);
}
