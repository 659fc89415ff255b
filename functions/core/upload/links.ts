import type { Ctx } from '../context.js';
import { downloadLink } from '../aws/index.js';
import { notFound } from '../errors/index.js';
import { getRecord } from './records.js';

/** What the stream writes an image's smaller copies as (core/image). */
export const THUMBNAIL_TYPE = 'image/webp';

/**
 * A short-lived download link to a ready upload of this portal, for a reader the caller has
 * already let see the upload's holder (idea, offer, thread...): images open in the browser,
 * PDFs download; `card` asks for an image's smaller copy. Pending, refused, unknown or other portals' ids are 404.
 */
export async function uploadLink(ctx: Ctx, uploadId: string, size?: 'card'): Promise<string> {
  const record = await getRecord(ctx.tenant.id, uploadId);
  if (!record || record.status !== 'ready') throw notFound('upload');
  // A list asks for the card-sized copy; until it is made (or for a PDF), the file itself.
  if (size === 'card' && record.thumbnail)
    return downloadLink(record.thumbnail, { filename: record.filename, contentType: THUMBNAIL_TYPE, inline: true });
  return downloadLink(record.key, {
    filename: record.filename,
    contentType: record.contentType,
    inline: record.contentType.startsWith('image/'),
  });
}
