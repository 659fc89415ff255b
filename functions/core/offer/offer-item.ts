import { picked } from '../db/index.js';
import type { UploadInfo } from '../upload/index.js';
import type { IpStatus, Maturity, Partnership, Visibility } from './engine/types.js';

export type OfferState = 'draft' | 'published' | 'withdrawn';

export interface Offer {
  id: string;
  partnerId: string;
  partnerName: string;
  authorId: string;
  title: string;
  summary: string;
  description: string;
  maturity?: Maturity;
  trl?: number;
  sectors: string[];
  keywords: string[];
  ip?: IpStatus;
  partnerships: Partnership[];
  country?: string;
  attachments: UploadInfo[];
  visibility: Visibility;
  requestId?: string;
  state: OfferState;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
}

export const OFFER_FIELDS = [
  'id',
  'partnerId',
  'partnerName',
  'authorId',
  'title',
  'summary',
  'description',
  'maturity',
  'trl',
  'sectors',
  'keywords',
  'ip',
  'partnerships',
  'country',
  'attachments',
  'visibility',
  'requestId',
  'state',
  'createdAt',
  'updatedAt',
  'publishedAt',
] as const;

/** The stored item's offer fields only (the item also carries its keys). */
export function offerOf(item: Record<string, unknown>): Offer {
  const offer = picked<Offer>(item, OFFER_FIELDS);
  return {
    ...offer,
    sectors: offer.sectors ?? [],
    keywords: offer.keywords ?? [],
    partnerships: offer.partnerships ?? [],
    attachments: offer.attachments ?? [],
  };
}
