import { keyParts, keys, members } from '../db/index.js';
import { BRAND_IMAGE_HEADERS } from '../http/index.js';
import type { Change } from '../stream/index.js';
import { deleteBrandFile } from '../tenant/index.js';
import { discardUpload } from '../upload/index.js';
import { writeResized } from './thumbnails.js';

/**
 * Members' photos, from the changes of their accounts (the stream): a newly chosen upload gets
 * its square face, published where the edge serves brand images (every reader sees faces) and
 * then named on the account while it is still the one chosen; a face no longer named loses its
 * file; a chosen upload replaced or dropped is deleted and its bytes given back. Each step can
 * be redone when a batch is retried.
 */
export async function membersFaces(changes: Change[]): Promise<void> {
  for (const { newImage: now, oldImage: before } of changes) {
    const item = now ?? before;
    const tenantId = keyParts.tenantOf(String(item?.pk));
    const memberId = typeof item?.id === 'string' ? item.id : undefined;
    if (!tenantId || !memberId) continue;
    const chosen = typeof now?.photoUpload === 'string' ? now.photoUpload : undefined;
    if (chosen && chosen !== before?.photoUpload) await makeFace(tenantId, memberId, chosen);
    if (typeof before?.photo === 'string' && before.photo !== now?.photo) await deleteBrandFile(tenantId, before.photo);
    if (typeof before?.photoUpload === 'string' && before.photoUpload !== chosen)
      await discardUpload(tenantId, memberId, before.photoUpload);
  }
}

async function makeFace(tenantId: string, memberId: string, uploadId: string): Promise<void> {
  const face = keys.face(tenantId, memberId, uploadId);
  const original = keys.uploadObject(tenantId, memberId, uploadId);
  if (!(await writeResized(original, face, 'face', BRAND_IMAGE_HEADERS['cache-control']))) return;
  const named = await members.change([tenantId, memberId], {
    UpdateExpression: 'SET photo = :face',
    ConditionExpression: 'photoUpload = :upload',
    ExpressionAttributeValues: { ':face': face, ':upload': uploadId },
  });
  // Another photo was chosen (or none) while this one was made: it is nobody's face.
  if (!named) await deleteBrandFile(tenantId, face);
}
