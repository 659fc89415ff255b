import { readThreadAttachment } from '$core/offer/index';
import { portalCtx } from '$lib/server/core';
import { fileResponse } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A message's attachment, for the conversation's two sides only. */
export const GET: RequestHandler = ({ locals, params }) =>
  fileResponse(() => readThreadAttachment(portalCtx(locals), params.id, params.uploadId));
