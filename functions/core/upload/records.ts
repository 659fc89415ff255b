import { z } from 'zod';
import { nowIso, requireMember, type Ctx } from '../context.js';
import { uploads, writeAllOrNothing, type TransactResult, type Write } from '../db/index.js';
import { invalidFields, say } from '../errors/index.js';
import { IdPattern } from '../ids.js';
import { UPLOAD_TYPES, type UploadType } from './sniff.js';

/*
 * The upload records, in DynamoDB only: what posting an idea needs to attach finished uploads,
 * without loading the S3 client into the API function (the S3 side lives in index.ts).
 */

export const UploadRecord = z.object({
  memberId: z.string(),
  key: z.string(),
  filename: z.string(),
  contentType: z.enum(UPLOAD_TYPES),
  size: z.number(),
  /** Expired: not attached in time, its bytes given back; its objects and record are being deleted (unattached.ts). */
  status: z.enum(['pending', 'ready', 'expired']),
  createdAt: z.string(),
  expiresAt: z.number().optional(),
  /** When it was checked and became ready: its place in the unattached queue. */
  readyAt: z.string().optional(),
  /** When it was first attached (to an idea, offer, message or logo): from then on it never expires. */
  attachedAt: z.string().optional(),
  /** The ETag of the object that passed the checks: reads serve that object only, not a later overwrite. */
  etag: z.string().optional(),
  /** An image's card-sized copy, once the stream made it (core/image/thumbnails.ts). */
  thumbnail: z.string().optional(),
});
export type UploadRecord = z.output<typeof UploadRecord>;

export interface UploadInfo {
  id: string;
  filename: string;
  contentType: UploadType;
  size: number;
}

export async function getRecord(tenantId: string, uploadId: string): Promise<UploadRecord | undefined> {
  if (typeof uploadId !== 'string' || !IdPattern.test(uploadId)) return undefined;
  const stored = await uploads.get([tenantId, uploadId], { consistent: true });
  return stored ? UploadRecord.parse(stored) : undefined;
}

export const info = (id: string, record: UploadRecord): UploadInfo => ({
  id,
  filename: record.filename,
  contentType: record.contentType,
  size: record.size,
});

const notReady = () => invalidFields({ attachments: say('idea.attachmentNotReady') });

/** A ready upload of the signed-in member, to attach to what they post; anything else is a field error. */
export async function ownReadyUpload(ctx: Ctx, uploadId: string): Promise<UploadInfo> {
  const member = requireMember(ctx);
  const record = await getRecord(ctx.tenant.id, uploadId);
  if (!record || record.status !== 'ready' || record.memberId !== member.memberId) throw notReady();
  return info(uploadId, record);
}

/**
 * Writes what holds the uploads (an idea, offer, message, logo) and marks them attached, in one
 * transaction: attached, an upload never expires. Each mark is conditioned on the upload still
 * being the member's and ready, so an upload that expired since it was read (unattached.ts) is a
 * field error and nothing is written: a holder never points to a file that is gone. Returns how
 * `writes` went (`failed` indexes them).
 */
export async function writeAttaching(ctx: Ctx, writes: Write[], attached: UploadInfo[]): Promise<TransactResult> {
  const marks = [...new Set(attached.map((a) => a.id))].map((id) =>
    uploads.update([ctx.tenant.id, id], {
      UpdateExpression: 'SET attachedAt = if_not_exists(attachedAt, :at) REMOVE queueKey, queueSort',
      ConditionExpression: '#status = :ready AND memberId = :member',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':at': nowIso(ctx), ':ready': 'ready', ':member': requireMember(ctx).memberId },
    }),
  );
  const written = await writeAllOrNothing([...writes, ...marks]);
  if (written.ok) return written;
  if (written.failed.slice(writes.length).some(Boolean)) throw notReady();
  return { ok: false, failed: written.failed.slice(0, writes.length) };
}
