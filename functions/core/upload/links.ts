import type { Ctx } from '../context.js';
import { downloadLink } from '../aws/index.js';
import { notFound } from '../errors/index.js';
import { getRecord } from './records.js';

/**
 * A short-lived download link to a ready upload of this portal, for a reader the caller has
 * already let see the upload's holder (idea, offer, thread...): images open in the browser,
 * PDFs download. Pending, refused, unknown or other portals' ids are 404.
 */
export async function uploadLink(ctx: Ctx, uploadId: string): Promise<string> {
  const record = await getRecord(ctx.tenant.id, uploadId);
  if (!record || record.status !== 'ready') throw notFound('upload');
  return downloadLink(record.key, {
    filename: record.filename,
    contentType: record.contentType,
    inline: record.contentType.startsWith('image/'),
  });
}
