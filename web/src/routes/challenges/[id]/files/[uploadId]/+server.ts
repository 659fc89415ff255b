import { challengeAttachmentLink } from '$core/challenge/index';
import { portalCtx } from '$lib/server/core';
import { fileRedirect, sizeAsked } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A file of a challenge's brief, for whoever may read the challenge: images open in the browser, PDFs download. */
export const GET: RequestHandler = ({ locals, params, url }) =>
  fileRedirect(() => challengeAttachmentLink(portalCtx(locals), params.id, params.uploadId, sizeAsked(url)));
