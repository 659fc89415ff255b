import { offerDatasheetLink } from '$core/offer/index';
import { portalCtx } from '$lib/server/core';
import { fileRedirect } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** An offer's datasheet, for whoever may see the offer. */
export const GET: RequestHandler = ({ locals, params }) =>
  fileRedirect(() => offerDatasheetLink(portalCtx(locals), params.id, params.uploadId));
