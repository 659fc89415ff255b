import { readOfferDatasheet } from '$core/offer/index';
import { portalCtx } from '$lib/server/core';
import { fileResponse } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** An offer's datasheet, for whoever may see the offer. */
export const GET: RequestHandler = ({ locals, params }) =>
  fileResponse(() => readOfferDatasheet(portalCtx(locals), params.id, params.uploadId));
