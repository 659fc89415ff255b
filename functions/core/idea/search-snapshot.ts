import { PutObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, everyTenantId, keys, s3 } from '../db/index.js';
import { freshIndex, type Snapshot } from './search.js';

/**
 * Writes the portal's search index to S3 with the last log entry it holds, so that a cold
 * instance loads it and applies only the log written after. Runs in the scheduled job, not on
 * a request path (it needs the S3 client, which the API function does not load).
 */
export async function saveSearchSnapshot(tenantId: string): Promise<{ lastSk: string; bytes: number }> {
  const { mini, lastSk } = await freshIndex(tenantId);
  const body = JSON.stringify({ lastSk, index: mini.toJSON() } satisfies Snapshot);
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: keys.searchSnapshot(tenantId),
      Body: body,
      ContentType: 'application/json',
    }),
  );
  return { lastSk, bytes: Buffer.byteLength(body) };
}

/** The scheduled job over every portal. */
export async function saveAllSearchSnapshots(): Promise<number> {
  let saved = 0;
  for await (const tenantId of everyTenantId()) {
    await saveSearchSnapshot(tenantId);
    saved++;
  }
  return saved;
}
