import { uploads, writeAllOrNothing } from '../db/index.js';
import { deleteUploadObjects } from './objects.js';
import { storageRelease } from './quota.js';
import { getRecord } from './records.js';

/**
 * Deletes an attached upload its holder let go of (a replaced photo): the record and the bytes
 * given back in one transaction, conditioned on the record being there, so a retry gives
 * nothing back twice; then its objects.
 */
export async function discardUpload(tenantId: string, memberId: string, uploadId: string): Promise<void> {
  const record = await getRecord(tenantId, uploadId);
  if (record?.memberId !== memberId) return;
  if (record.status === 'ready')
    await writeAllOrNothing([
      uploads.remove([tenantId, uploadId], {
        ConditionExpression: 'memberId = :member AND #status = :ready',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':member': memberId, ':ready': 'ready' },
      }),
      ...storageRelease(tenantId, memberId, record.size),
    ]);
  await deleteUploadObjects(tenantId, memberId, uploadId);
}
