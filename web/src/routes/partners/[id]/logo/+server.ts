import { partnerLogoLink } from '$core/offer/index';
import { portalCtx } from '$lib/server/core';
import { fileRedirect, sizeAsked } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A partner organisation's logo, for the portal's readers. */
export const GET: RequestHandler = ({ locals, params, url }) =>
  fileRedirect(() => partnerLogoLink(portalCtx(locals), params.id, sizeAsked(url)));
