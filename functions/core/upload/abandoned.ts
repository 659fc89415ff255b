import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, s3, keyParts, keys } from '../db/index.js';
import type { Change } from '../stream/index.js';

/**
 * An upload started but never finalized keeps its pending record for a day (its TTL). When the
 * record goes, nothing refers to the object any more, so the table's stream deletes it; the key
 * is rebuilt from the record's own partition, so only that tenant's uploader prefix is touched.
 */
export async function removeAbandonedUploads(changes: Change[]): Promise<void> {
  for (const change of changes) {
    const old = change.oldImage;
    if (change.kind !== 'REMOVE' || old?.status !== 'pending' || typeof old.memberId !== 'string') continue;
    const upload = keyParts.upload(old);
    if (!upload) continue;
    // Where the browser posts it now, or where uploads started before incoming/ posted it.
    const posted = [keys.incomingUpload, keys.uploadObject].map((key) =>
      key(upload.tenantId, old.memberId as string, upload.uploadId),
    );
    for (const key of posted) await s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key }));
  }
}
