import type { Ctx } from '../context.js';
import { notFound } from '../errors/index.js';
import { uploadLink } from '../upload/index.js';
import { getOffer } from './offers.js';
import { getPartner } from './partners.js';
import { threadAttachmentOwner } from './threads.js';

/*
 * Download links to what offers carry, each for whoever may see its holder: an offer's datasheets
 * for its readers, a partner's logo for the portal's readers, a message's files for the thread's
 * two sides. Any other id is a 404.
 */

export async function offerDatasheetLink(ctx: Ctx, offerId: string, uploadId: string) {
  const offer = await getOffer(ctx, offerId);
  if (!offer.attachments.some((a) => a.id === uploadId)) throw notFound('upload');
  return uploadLink(ctx, uploadId);
}

export async function partnerLogoLink(ctx: Ctx, partnerId: string, size?: 'card') {
  const partner = await getPartner(ctx, partnerId);
  if (!partner.logo) throw notFound('upload');
  return uploadLink(ctx, partner.logo.id, size);
}

export async function threadAttachmentLink(ctx: Ctx, threadId: string, uploadId: string) {
  await threadAttachmentOwner(ctx, threadId, uploadId);
  return uploadLink(ctx, uploadId);
}
