import { ideaAttachmentLink } from '$core/idea/index';
import { portalCtx } from '$lib/server/core';
import { fileRedirect, sizeAsked } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** An idea's attachment, for whoever may see the idea: images open in the browser, PDFs download. */
export const GET: RequestHandler = ({ locals, params, url }) =>
  fileRedirect(() => ideaAttachmentLink(portalCtx(locals), params.id, params.uploadId, sizeAsked(url)));
