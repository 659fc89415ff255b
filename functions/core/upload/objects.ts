import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, keys, s3 } from '../db/index.js';

/**
 * Deletes every object an upload may have: where the browser posts it (incoming/; before that
 * prefix existed, where it is served) the checked copy that is served, and its thumbnail. The keys are rebuilt
 * from the record's own tenant, member and id, so only that uploader's prefixes are touched.
 */
export async function deleteUploadObjects(tenantId: string, memberId: string, uploadId: string): Promise<void> {
  for (const key of [keys.incomingUpload, keys.uploadObject, keys.uploadThumbnail].map((k) =>
    k(tenantId, memberId, uploadId),
  ))
    await s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key }));
}
