import { z } from 'zod';
import { says } from '../errors/index.js';
import { IdPattern } from '../ids.js';
import { IP_STATUSES, MATURITIES, PARTNERSHIPS, VISIBILITIES, type Maturity } from './engine/types.js';

export { IP_STATUSES, MATURITIES, PARTNERSHIPS, VISIBILITIES } from './engine/types.js';

export const OfferId = z.string().regex(IdPattern, says('offer.id'));
export const PartnerId = z.string().regex(IdPattern, says('offer.partnerId'));
export const RequestId = z.string().regex(IdPattern, says('offer.requestId'));

/** The TRLs each maturity spans (EU Horizon scale): an offer's TRL must lie in its maturity's range. */
export const MATURITY_TRL: Record<Maturity, readonly [number, number]> = {
  concept: [1, 3],
  lab_prototype: [3, 5],
  industrial_prototype: [5, 7],
  pilot_series: [7, 8],
  series_production: [8, 9],
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** An ISO 3166 alpha-2 code that names a real region ("FR", "DE"; not "ZZ"). */
export const Country = z
  .string({ error: says('offer.country') })
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => /^[A-Z]{2}$/.test(c) && regionNames.of(c) !== undefined, says('offer.countryCode'));

const Words = (max: number) => z.string().trim().min(1).max(max);
const Trl = z.coerce
  .number({ error: says('offer.trl') })
  .int()
  .min(1, says('offer.trlRange'))
  .max(9, says('offer.trlRange'));
const SectorIds = z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(5, says('offer.maxSectors'));
const Partnerships = z.array(z.enum(PARTNERSHIPS, says('offer.partnershipFromList'))).max(PARTNERSHIPS.length);

/*
 * Patches take the same fields with nothing defaulted: zod applies a default even inside
 * optional(), which would reset a field the patch does not name.
 */
const partnerFields = {
  name: Words(100),
  country: Country,
  website: z
    .url({ protocol: /^https?$/, message: says('input.httpsUrl') })
    .max(300)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  description: z.string().trim().max(2000),
  logoId: z.string().regex(IdPattern).optional(),
};
export const PartnerInput = z.object({ ...partnerFields, description: partnerFields.description.default('') });
export const PartnerPatch = z.object(partnerFields).partial();

const offerFields = {
  title: Words(140),
  summary: z.string().trim().max(300),
  description: z.string().trim().max(20_000),
  maturity: z.enum(MATURITIES, says('offer.maturity')),
  trl: Trl,
  sectors: SectorIds,
  keywords: z.array(z.string().trim().min(1).max(40, says('input.maxCharsEach'))).max(10, says('offer.maxKeywords')),
  ip: z.enum(IP_STATUSES, says('offer.ip')),
  partnerships: Partnerships,
  country: Country,
  attachmentIds: z.array(z.string().regex(IdPattern)).max(5, says('offer.maxDatasheets')),
  visibility: z.enum(VISIBILITIES, says('offer.visibility')),
  /** The technology request this offer answers, if any. */
  requestId: RequestId,
};

/** What a partner may save at any time: a draft needs only its title. */
export const OfferDraft = z.object({
  ...offerFields,
  summary: offerFields.summary.default(''),
  description: offerFields.description.default(''),
  maturity: offerFields.maturity.optional(),
  trl: offerFields.trl.optional(),
  sectors: offerFields.sectors.default([]),
  keywords: offerFields.keywords.default([]),
  ip: offerFields.ip.optional(),
  partnerships: offerFields.partnerships.default([]),
  country: offerFields.country.optional(),
  attachmentIds: offerFields.attachmentIds.default([]),
  visibility: offerFields.visibility.default('public'),
  requestId: offerFields.requestId.optional(),
  /** Needed when the author belongs to several organisations. */
  partnerId: PartnerId.optional(),
});
/** The optional choices of an offer, which a patch clears with null (the forms send null for an emptied one). */
export const CLEARABLE_OFFER_FIELDS = ['maturity', 'trl', 'ip', 'country', 'requestId'] as const;
/** A patch names what changes; null clears one of CLEARABLE_OFFER_FIELDS. */
export const OfferPatch = z
  .object({
    ...offerFields,
    maturity: offerFields.maturity.nullable(),
    trl: offerFields.trl.nullable(),
    ip: offerFields.ip.nullable(),
    country: offerFields.country.nullable(),
    requestId: offerFields.requestId.nullable(),
  })
  .partial();

/** What publishing demands: every field the search and the brand rely on, and a TRL that fits the maturity. */
export const PublishableOffer = z
  .object({
    title: Words(140),
    summary: Words(300),
    description: Words(20_000),
    maturity: z.enum(MATURITIES, says('offer.maturity')),
    trl: Trl,
    sectors: SectorIds.min(1, says('offer.sectors')),
    ip: z.enum(IP_STATUSES, says('offer.ip')),
    partnerships: Partnerships.min(1, says('offer.partnerships')),
    country: Country,
  })
  .superRefine((offer, issue) => {
    const [low, high] = MATURITY_TRL[offer.maturity];
    if (offer.trl < low || offer.trl > high) {
      issue.addIssue({ code: 'custom', path: ['trl'], message: says('offer.trlForMaturity'), params: { low, high } });
    }
  });

export const RequestInput = z
  .object({
    title: Words(140),
    need: Words(4000),
    maturities: z.array(z.enum(MATURITIES)).max(MATURITIES.length).default([]),
    trlMin: Trl.default(1),
    trlMax: Trl.default(9),
    sectors: SectorIds.default([]),
    partnerships: Partnerships.default([]),
    deadline: z.iso.date(says('offer.deadline')).optional(),
  })
  .refine((r) => r.trlMin <= r.trlMax, { path: ['trlMax'], message: says('offer.trlOrder') });

export const THREAD_STATES = ['new', 'in_discussion', 'under_nda', 'agreement', 'closed'] as const;
export const ThreadStateInput = z.object({ state: z.enum(THREAD_STATES) });
export const MessageInput = z.object({
  body: z.string().trim().min(1, says('offer.writeMessage')).max(4000),
  attachmentIds: z.array(z.string().regex(IdPattern)).max(5, says('idea.maxAttachments')).default([]),
});

export type PartnerInput = z.output<typeof PartnerInput>;
export type OfferDraft = z.output<typeof OfferDraft>;
export type RequestInput = z.output<typeof RequestInput>;
export type ThreadState = (typeof THREAD_STATES)[number];
