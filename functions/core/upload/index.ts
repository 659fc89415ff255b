import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { z } from 'zod';
import { nowIso, requireMember, type Ctx } from '../context.js';
import { bucketName, copySource, keys, s3, uploads, writeAllOrNothing } from '../db/index.js';
import { DomainError, notFound, say, says, type Text } from '../errors/index.js';
import { newId } from '../ids.js';
import { SNIFF_BYTES, sniff, UPLOAD_TYPES, type UploadType } from './sniff.js';
import { getRecord, info, UploadRecord, type UploadInfo } from './records.js';
import { fn } from '../fn.js';
import { hit } from '../ratelimit.js';
import { assertRoomFor, storageRefusal, storageWrites } from './quota.js';

export { ownReadyUpload, writeAttaching, type UploadInfo, type UploadRecord } from './records.js';
export { expireAllUnattachedUploads, expireUnattachedUploads, UNATTACHED_UPLOAD_MS } from './unattached.js';
export { THUMBNAIL_TYPE, uploadLink } from './links.js';
export { discardUpload } from './discard.js';
export { exportLink, type ExportFile } from './exports.js';
export { MEMBER_STORAGE_BYTES, PORTAL_STORAGE_BYTES } from './quota.js';

export { sniff, UPLOAD_TYPES, type UploadType } from './sniff.js';

/** 10 MB: the presigned form's limit, checked again on the stored object at finalize. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How long the presigned form may be used. */
const POST_EXPIRES_SECONDS = 10 * 60;
/** A pending upload never finalized disappears with its record's TTL; the table's stream then deletes its object (abandoned.ts). */
const PENDING_TTL_SECONDS = 24 * 60 * 60;

export const CreateUpload = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.enum(UPLOAD_TYPES, says('upload.types')),
  size: z.number().int().min(1, says('upload.empty')).max(MAX_UPLOAD_BYTES, says('upload.maxSize')),
});

export interface PresignedUpload {
  id: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
}

const TYPE_NAMES: Record<UploadType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/** Storage is not for strangers: an account whose e-mail is unconfirmed may not store files, whatever the portal's policy. */
function requireConfirmedMember(ctx: Ctx) {
  const member = requireMember(ctx);
  if (member.verified !== true) throw new DomainError('verification_required', 403, say('access.verifyEmail'));
  return member;
}

const epochSeconds = (ctx: Ctx) => Math.floor((ctx.now ?? new Date()).getTime() / 1000);

/**
 * Starts an upload: a pending record and a presigned POST form for one exact key under the
 * member's prefix. The form's conditions bind type and size in S3; finalizeUpload checks the
 * stored object again, since the local emulator enforces none of them. Only a member with a
 * confirmed e-mail may store files, and at most UPLOADS_PER_HOUR of them an hour.
 */
export const createUpload = /* @__PURE__ */ fn(
  requireConfirmedMember,
  CreateUpload,
  async (ctx, { filename, contentType, size }, member): Promise<PresignedUpload> => {
    await hit(ctx, 'upload:account', member.memberId);
    await assertRoomFor(ctx, member.memberId, size);
    const id = newId();
    const key = keys.incomingUpload(ctx.tenant.id, member.memberId, id);
    const record: UploadRecord = {
      memberId: member.memberId,
      key,
      filename,
      contentType,
      size,
      status: 'pending',
      createdAt: nowIso(ctx),
      expiresAt: epochSeconds(ctx) + PENDING_TTL_SECONDS,
    };
    // A new random id: taken only by a bug, never silently overwritten.
    if (!(await uploads.createOnce([ctx.tenant.id, id], record))) throw new Error('upload id collision');
    const { url, fields } = await createPresignedPost(s3(), {
      Bucket: bucketName(),
      Key: key,
      Conditions: [
        ['content-length-range', 1, MAX_UPLOAD_BYTES],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: POST_EXPIRES_SECONDS,
    });
    return { id, url, fields, maxBytes: MAX_UPLOAD_BYTES };
  },
);

/**
 * Checks the uploaded object itself (size and magic bytes against what was declared), copies
 * that very version (by its ETag) where it is served from, and marks the upload ready; anything
 * else deletes the object and the record and answers 422. The served copy is out of the upload
 * form's reach, so what was checked is what readers get, even if the form is used again within
 * its ten minutes. Only the member who started the upload may finalize it; finalizing a ready
 * upload again answers the same.
 */
export async function finalizeUpload(ctx: Ctx, uploadId: string): Promise<UploadInfo> {
  const member = requireMember(ctx);
  const record = await getRecord(ctx.tenant.id, uploadId);
  if (!record || record.memberId !== member.memberId) throw notFound('upload');
  if (record.status === 'ready') return info(uploadId, record);
  if (record.status === 'expired') throw notFound('upload');
  const incoming = record.key;
  if (record.expiresAt !== undefined && record.expiresAt <= epochSeconds(ctx)) {
    // Expired but not yet swept by the TTL: gone, as it soon will be.
    await discard(ctx.tenant.id, uploadId, [incoming]);
    throw notFound('upload');
  }

  const object = await inspect(incoming);
  const reason = verdict(record, object);
  if (reason || !object) {
    await discard(ctx.tenant.id, uploadId, [incoming]);
    const why = reason ?? say('upload.notReceived');
    throw new DomainError('upload_rejected', 422, say('upload.refused', { why }), { file: why });
  }

  const served = keys.uploadObject(ctx.tenant.id, member.memberId, uploadId);
  if (!(await copyChecked(incoming, served, object.etag))) {
    await discard(ctx.tenant.id, uploadId, [incoming, served]);
    const why = say('upload.changed');
    throw new DomainError('upload_rejected', 422, say('upload.refused', { why }), { file: why });
  }
  // Ready, counted against the member's and the portal's storage, and waiting to be attached, in one transaction.
  const readyAt = nowIso(ctx);
  const queue = uploads.indexesOf([ctx.tenant.id, uploadId], { ...record, status: 'ready', readyAt });
  const marked = await writeAllOrNothing([
    uploads.update([ctx.tenant.id, uploadId], {
      UpdateExpression:
        'SET #status = :ready, #key = :served, etag = :etag, readyAt = :readyAt, queueKey = :queueKey, queueSort = :queueSort REMOVE expiresAt',
      ConditionExpression: '#status = :pending AND memberId = :member',
      ExpressionAttributeNames: { '#status': 'status', '#key': 'key' },
      ExpressionAttributeValues: {
        ':ready': 'ready',
        ':pending': 'pending',
        ':member': member.memberId,
        ':served': served,
        ':etag': object.etag ?? '',
        ':readyAt': readyAt,
        ':queueKey': queue.queueKey,
        ':queueSort': queue.queueSort,
      },
    }),
    ...storageWrites(ctx.tenant.id, member.memberId, object.size),
  ]);
  if (!marked.ok) {
    // A concurrent finalize got there first (same answer), or the record went away.
    const current = await getRecord(ctx.tenant.id, uploadId);
    if (current?.status === 'ready' && current.memberId === member.memberId) return info(uploadId, current);
    if (marked.failed[0]) throw notFound('upload');
    // No room left: the file goes, as a refused one does.
    const refusal = await storageRefusal(ctx, member.memberId, marked.failed.slice(1));
    await discard(ctx.tenant.id, uploadId, [incoming, served]);
    throw refusal;
  }
  await s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: incoming }));
  return info(uploadId, record);
}

/**
 * Copies the checked object, only while it is still the version that was checked (S3 refuses
 * the copy otherwise; the emulator ignores the condition, so the copy's ETag is compared too).
 */
async function copyChecked(from: string, to: string, etag: string | undefined): Promise<boolean> {
  try {
    const copied = await s3().send(
      new CopyObjectCommand({
        Bucket: bucketName(),
        Key: to,
        CopySource: copySource(from),
        ...(etag ? { CopySourceIfMatch: etag } : {}),
      }),
    );
    return !etag || copied.CopyObjectResult?.ETag === etag;
  } catch (error) {
    if (status(error) === 412 || isMissing(error)) return false;
    throw error;
  }
}

interface Inspected {
  size: number;
  head: Uint8Array;
  etag: string | undefined;
}

/** The stored object's real size and first bytes, in one ranged GET (so both describe the same version). */
async function inspect(key: string): Promise<Inspected | undefined> {
  let object;
  try {
    object = await s3().send(
      new GetObjectCommand({ Bucket: bucketName(), Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }),
    );
  } catch (error) {
    if (isMissing(error)) return undefined;
    // S3 answers 416 to a range on an empty object.
    if (status(error) === 416 || (error as Error).name === 'InvalidRange')
      return { size: 0, head: new Uint8Array(), etag: undefined };
    throw error;
  }
  const total = object.ContentRange?.match(/\/(\d+)$/)?.[1];
  const size = total !== undefined ? Number(total) : (object.ContentLength ?? 0);
  const head = await firstBytes(object.Body, SNIFF_BYTES);
  return { size, head, etag: object.ETag };
}

/** Why the stored object does not match its record, or undefined when it does. */
function verdict(record: UploadRecord, object: Inspected | undefined): Text | undefined {
  if (!object) return say('upload.notReceived');
  if (object.size === 0) return say('upload.isEmpty');
  if (object.size > MAX_UPLOAD_BYTES) return say('upload.overLimit', { size: object.size });
  if (object.size !== record.size) return say('upload.sizeMismatch', { size: object.size, declared: record.size });
  const declared = TYPE_NAMES[record.contentType];
  const real = sniff(object.head);
  if (!real) return say('upload.unknownType', { declared });
  if (real !== record.contentType) return say('upload.typeMismatch', { real: TYPE_NAMES[real], declared });
  return undefined;
}

/** A refused or expired upload leaves nothing behind: neither its objects nor the record. */
async function discard(tenantId: string, uploadId: string, objects: string[]) {
  await Promise.all([
    ...objects.map((key) => s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key }))),
    uploads.delete([tenantId, uploadId]),
  ]);
}

/** Reads at most n bytes of a response body and drops the rest unread (in case a range was ignored). */
async function firstBytes(body: unknown, n: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.byteLength;
    if (length >= n) break;
  }
  destroy(body);
  const out = new Uint8Array(Math.min(length, n));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= out.length) break;
    const part = chunk.subarray(0, out.length - offset);
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function destroy(body: unknown) {
  const stream = body as { destroy?: () => void } | undefined;
  if (typeof stream?.destroy === 'function') stream.destroy();
}

const status = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isMissing = (error: unknown) =>
  (error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound' || status(error) === 404;

export { removeAbandonedUploads } from './abandoned.js';
export { getRecord } from './records.js';
