import { keyParts } from '../db/index.js';
import type { Change } from '../stream/index.js';
import { deleteUploadObjects } from './objects.js';

/**
 * An upload started but never finalized keeps its pending record for a day (its TTL). When the
 * record goes, nothing refers to the object any more, so the table's stream deletes it; the key
 * is rebuilt from the record's own partition, so only that tenant's uploader prefix is touched.
 * (A finished upload never attached expires by a job instead: unattached.ts.)
 */
export async function removeAbandonedUploads(changes: Change[]): Promise<void> {
  for (const change of changes) {
    const old = change.oldImage;
    if (change.kind !== 'REMOVE' || old?.status !== 'pending' || typeof old.memberId !== 'string') continue;
    const upload = keyParts.upload(old);
    if (upload) await deleteUploadObjects(upload.tenantId, old.memberId, upload.uploadId);
  }
}
