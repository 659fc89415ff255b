import { everyTenantId, keyParts, uploads, writeAllOrNothing, type Stored } from '../db/index.js';
import { deleteUploadObjects } from './objects.js';
import { storageRelease } from './quota.js';
import type { UploadRecord } from './records.js';

/**
 * How long a finished upload waits to be attached: a day leaves the member time to finish the
 * idea, offer or message they uploaded it for (a draft left overnight), while storage cannot be
 * parked for long outside anything the portal shows. What is not attached by then is deleted and
 * its bytes are given back to the member's and the portal's quota.
 */
export const UNATTACHED_UPLOAD_MS = 24 * 60 * 60 * 1000;

const expired = { ':expired': 'expired' };
const names = { '#status': 'status' };

/**
 * Expires one portal's finished uploads that were not attached within UNATTACHED_UPLOAD_MS of
 * becoming ready; how many. Each is found on the portal's UNATTACHED queue (a sparse index
 * entry the upload loses when attached), oldest first.
 *
 * Why a job on a queue, and not DynamoDB's TTL with the stream (as pending uploads do): the TTL
 * deletes an item only some time, up to days, after it expires, and deletes it whatever it
 * became. Here one conditional transaction takes the upload out of `ready` and gives its bytes
 * back: it holds only if the upload was not attached, and an attach holds only if the upload is
 * still ready (upload/records.ts writeAttaching). So when both race, one wins whole: the file
 * stays attached and counted, or it goes and its bytes come back, exactly once. Its objects and
 * record are deleted after that; if that fails half-way, the expired record is still on the queue
 * and the next run finishes it, without giving the bytes back again.
 */
export async function expireUnattachedUploads(tenantId: string, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNATTACHED_UPLOAD_MS).toISOString();
  let count = 0;
  for await (const record of uploads.unattachedBefore(tenantId, before)) {
    const uploadId = keyParts.upload(record)?.uploadId;
    if (uploadId && (await expire(tenantId, uploadId, record))) count++;
  }
  return count;
}

/** Every portal's unattached uploads past their time (the hourly job). */
export async function expireAllUnattachedUploads(now = new Date()): Promise<number> {
  let count = 0;
  for await (const tenantId of everyTenantId()) count += await expireUnattachedUploads(tenantId, now);
  return count;
}

async function expire(tenantId: string, uploadId: string, record: Stored<UploadRecord>): Promise<boolean> {
  if (record.status === 'ready') {
    const written = await writeAllOrNothing([
      uploads.update([tenantId, uploadId], {
        UpdateExpression: 'SET #status = :expired',
        ConditionExpression: '#status = :ready AND attribute_not_exists(attachedAt)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...expired, ':ready': 'ready' },
      }),
      ...storageRelease(tenantId, record.memberId, record.size),
    ]);
    // Attached meanwhile (the index lags behind the table), or expired by another run, which finishes it.
    if (!written.ok) return false;
  } else if (record.status !== 'expired') return false;
  await deleteUploadObjects(tenantId, record.memberId, uploadId);
  await uploads.take([tenantId, uploadId], {
    ConditionExpression: '#status = :expired',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: expired,
  });
  return record.status === 'ready';
}
