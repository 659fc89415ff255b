import { z } from 'zod';
import { requireMember, type Ctx } from '../context.js';
import { uploads } from '../db/index.js';
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
  status: z.enum(['pending', 'ready']),
  createdAt: z.string(),
  expiresAt: z.number().optional(),
  /** The ETag of the object that passed the checks: reads serve that object only, not a later overwrite. */
  etag: z.string().optional(),
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

/** A ready upload of the signed-in member, to attach to what they post; anything else is a field error. */
export async function ownReadyUpload(ctx: Ctx, uploadId: string): Promise<UploadInfo> {
  const member = requireMember(ctx);
  const record = await getRecord(ctx.tenant.id, uploadId);
  if (!record || record.status !== 'ready' || record.memberId !== member.memberId) {
    throw invalidFields({
      attachments: say('idea.attachmentNotReady'),
    });
  }
  return info(uploadId, record);
}
