import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, keyParts, keys, s3, uploads } from '../db/index.js';
import { log } from '../log/index.js';
import type { Change } from '../stream/index.js';
import { THUMBNAIL_TYPE } from '../upload/index.js';
import { resizeImage, type ImageSize } from './resize.js';

/** An object's bytes, or undefined when it is gone. */
export async function readObject(key: string): Promise<Uint8Array | undefined> {
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }));
    return await object.Body?.transformToByteArray();
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/**
 * Writes the smaller copy of the image at `from` under `to`; false when the original is gone or
 * is not an image sharp can read (it passed the upload's magic-byte check, yet may be broken):
 * readers then get the original, and the stream does not stall on a file that will never read.
 */
export async function writeResized(from: string, to: string, size: ImageSize, cacheControl?: string): Promise<boolean> {
  const original = await readObject(from);
  if (!original) return false;
  let resized: Uint8Array;
  try {
    resized = await resizeImage(original, size);
  } catch (error) {
    log('warn', 'image unreadable', { key: from, reason: (error as Error).message });
    return false;
  }
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: to,
      Body: resized,
      ContentType: THUMBNAIL_TYPE,
      ...(cacheControl ? { CacheControl: cacheControl } : {}),
    }),
  );
  return true;
}

const becameReadyImage = (change: Change) =>
  change.oldImage?.status === 'pending' &&
  change.newImage?.status === 'ready' &&
  String(change.newImage.contentType).startsWith('image/');

/**
 * Each image upload gets its card-sized copy once it is checked (the stream sees it turn ready):
 * written beside the served object, then named on the record, only while the record is still
 * ready (a copy made for an upload that expired meanwhile is deleted again). Redoing it for a
 * retried batch writes the same object and the same attribute.
 */
export async function thumbnailReadyImages(changes: Change[]): Promise<void> {
  for (const change of changes.filter(becameReadyImage)) {
    const image = change.newImage!;
    const upload = keyParts.upload(image);
    if (!upload || typeof image.memberId !== 'string') continue;
    const thumbnail = keys.uploadThumbnail(upload.tenantId, image.memberId, upload.uploadId);
    if (!(await writeResized(String(image.key), thumbnail, 'card'))) continue;
    const named = await uploads.change([upload.tenantId, upload.uploadId], {
      UpdateExpression: 'SET thumbnail = :key',
      ConditionExpression: '#status = :ready',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':key': thumbnail, ':ready': 'ready' },
    });
    if (!named) await s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: thumbnail }));
  }
}
