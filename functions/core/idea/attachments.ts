import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { readUpload } from '../upload/index.js';
import { getIdea } from './index.js';

/** An attachment of an idea the reader may see: the idea must list it; anything else is a 404. */
export async function readIdeaAttachment(ctx: Ctx, ideaId: string, uploadId: string) {
  const idea = await getIdea(ctx, ideaId);
  if (!idea.attachments.some((a) => a.id === uploadId)) throw notFound('upload');
  return readUpload(ctx, uploadId);
}
