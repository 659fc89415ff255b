import { threadAttachmentLink } from '$core/offer/index';
import { portalCtx } from '$lib/server/core';
import { fileRedirect } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A message's attachment, for the conversation's two sides only. */
export const GET: RequestHandler = ({ locals, params }) =>
  fileRedirect(() => threadAttachmentLink(portalCtx(locals), params.id, params.uploadId));
