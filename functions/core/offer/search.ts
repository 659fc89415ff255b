import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { batchGet, decodeCursor, encodeCursor, keys } from '../db/index.js';
import { parseInput, says } from '../errors/index.js';
import { viewerOf } from './access.js';
import { sees } from './engine/types.js';
import { freshOfferIndex } from './index-store.js';
import { offerOf, type Offer } from './offer-item.js';
import { Country } from './schema.js';
import {
  IP_STATUSES,
  MATURITIES,
  PARTNERSHIPS,
  type OfferFacets,
  type OfferFilters,
  type Viewer,
} from './engine/index.js';

/** A query parameter given once, several times, or comma-separated. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined || v === ''
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean),
    z.array(item).max(20).optional(),
  );

export const OfferSearchInput = z
  .object({
    q: z.string().trim().max(200).optional(),
    maturity: many(z.enum(MATURITIES)),
    trlMin: z.coerce.number().int().min(1).max(9).optional(),
    trlMax: z.coerce.number().int().min(1).max(9).optional(),
    sector: many(z.string().regex(/^[a-z0-9-]{1,40}$/)),
    partnership: many(z.enum(PARTNERSHIPS)),
    ip: many(z.enum(IP_STATUSES)),
    country: many(Country),
    sort: z.enum(['relevance', 'newest']).default('relevance'),
    cursor: z.string().max(2048).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((s) => s.trlMin === undefined || s.trlMax === undefined || s.trlMin <= s.trlMax, {
    path: ['trlMax'],
    message: says('offer.trlOrder'),
  });
export type OfferSearchInput = z.input<typeof OfferSearchInput>;

/** What a result list shows of an offer. */
export type OfferCard = Pick<
  Offer,
  | 'id'
  | 'title'
  | 'summary'
  | 'maturity'
  | 'trl'
  | 'sectors'
  | 'partnerships'
  | 'ip'
  | 'country'
  | 'partnerId'
  | 'partnerName'
  | 'visibility'
  | 'publishedAt'
> & {
  /** The partner organisation's logo (an upload id), when it has one: shown on the card. */
  partnerLogo?: string;
};

export interface OfferSearchPage {
  items: (OfferCard & { score: number })[];
  total: number;
  facets: OfferFacets;
  cursor: string | null;
}

export const cardOf = (o: Offer): OfferCard => ({
  id: o.id,
  title: o.title,
  summary: o.summary,
  maturity: o.maturity,
  trl: o.trl,
  sectors: o.sectors,
  partnerships: o.partnerships,
  ip: o.ip,
  country: o.country,
  partnerId: o.partnerId,
  partnerName: o.partnerName,
  visibility: o.visibility,
  publishedAt: o.publishedAt,
});

export const filtersOf = (s: z.output<typeof OfferSearchInput>): OfferFilters => ({
  maturity: s.maturity,
  trlMin: s.trlMin,
  trlMax: s.trlMax,
  sector: s.sector,
  partnership: s.partnership,
  ip: s.ip,
  country: s.country,
});

/** A cursor is valid only for the query it was made for (and the tenant). */
const queryTag = (s: z.output<typeof OfferSearchInput>, viewer: Viewer) =>
  `offers:${createHash('sha256')
    .update(JSON.stringify([viewer, s.q ?? '', s.sort, filtersOf(s)]))
    .digest('base64url')
    .slice(0, 16)}`;

/**
 * Searches the portal's offers as the caller may see them: visibility applies inside the
 * engine, so hits, totals and facet counts never include what the caller may not see.
 */
export async function searchOffers(ctx: Ctx, input: OfferSearchInput): Promise<OfferSearchPage> {
  const viewer = viewerOf(ctx);
  const query = parseInput(OfferSearchInput, input);
  const tag = queryTag(query, viewer);
  const offset = Number(decodeCursor(ctx.tenant.id, tag, query.cursor)?.offset ?? 0);
  const index = await freshOfferIndex(ctx.tenant.id);
  const result = index.search({
    q: query.q,
    filters: filtersOf(query),
    viewer,
    sort: query.sort,
    cursor: offset,
    limit: query.limit,
  });
  const items = await hydrate(ctx.tenant.id, result.hits, viewer);
  const next = offset + result.hits.length;
  return {
    items,
    total: result.total,
    facets: result.facets,
    cursor: next < result.total ? encodeCursor(ctx.tenant.id, tag, { offset: next }) : null,
  };
}

/**
 * The offers behind the hits, in hit order, with their partners' logos; an offer withdrawn or
 * narrowed since the index saw it is left out. Two BatchGets: the offers, then their partners
 * (a logo is the partner's to change, so it is read from the partner, not copied into offers).
 */
async function hydrate(tenantId: string, hits: { id: string; score: number }[], viewer: Viewer) {
  const items = await batchGet(hits.map((h) => keys.offer(tenantId, h.id)));
  const byId = new Map(items.map((item) => [String(item.id), offerOf(item)]));
  const shown = hits.flatMap((hit) => {
    const offer = byId.get(hit.id);
    return offer && offer.state === 'published' && sees(viewer, offer.visibility)
      ? [{ ...cardOf(offer), score: hit.score }]
      : [];
  });
  const logos = await partnerLogos(
    tenantId,
    shown.map((o) => o.partnerId),
  );
  return shown.map((o) => (logos.has(o.partnerId) ? { ...o, partnerLogo: logos.get(o.partnerId) } : o));
}

/** The logo (upload id) of each of these partner organisations that has one: one BatchGet. */
export async function partnerLogos(tenantId: string, partnerIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(partnerIds.filter(Boolean))];
  if (ids.length === 0) return new Map();
  const found = await batchGet(
    ids.map((id) => keys.partner(tenantId, id)),
    ['id', 'logo'],
  );
  return new Map(
    found.flatMap((p) => {
      const logo = p.logo as { id?: string } | undefined;
      return logo?.id ? [[String(p.id), logo.id] as const] : [];
    }),
  );
}
