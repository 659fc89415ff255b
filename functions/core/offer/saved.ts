import { z } from 'zod';
import { countWrite } from '../ratelimit.js';
import { nowIso, requireMember, type Ctx } from '../context.js';
import { itemExists, savedSearches } from '../db/index.js';
import { DomainError, notFound, parseInput, say, says } from '../errors/index.js';
import { IdPattern, newId } from '../ids.js';
import type { Member } from '../member/index.js';
import { viewerOf, viewerOfActor } from './access.js';
import { offerDoc } from './index-store.js';
import type { Offer } from './offer-item.js';
import { filtersOf, OfferSearchInput } from './search.js';
import { OfferIndex, type Viewer } from './engine/index.js';

const MAX_PER_MEMBER = 20;

/** The search as saved: its words and filters (no page, no order). */
const SavedQuery = OfferSearchInput.transform(({ cursor: _c, limit: _l, sort: _s, ...query }) => query);
export const SaveSearch = z.object({
  name: z.string().trim().min(1, says('offer.nameSearch')).max(80),
  query: z.record(z.string(), z.unknown()),
});

export interface SavedSearch {
  id: string;
  name: string;
  query: z.output<typeof SavedQuery>;
  createdAt: string;
}

const savedOf = (item: Record<string, unknown>): SavedSearch => ({
  id: String(item.id),
  name: String(item.name),
  query: item.query as SavedSearch['query'],
  createdAt: String(item.createdAt),
});

async function mySaved(ctx: Ctx, memberId: string) {
  const { items } = await savedSearches.ofMember(ctx.tenant.id, memberId);
  return items.map(savedOf);
}

/** A signed-in reader saves a search; they are told of each new offer it finds. */
export async function saveSearch(ctx: Ctx, input: z.input<typeof SaveSearch>): Promise<SavedSearch> {
  const member = requireMember(ctx);
  viewerOf(ctx);
  await countWrite(ctx);
  const { name, query: raw } = parseInput(SaveSearch, input);
  const query = parseInput(SavedQuery, raw);
  if ((await mySaved(ctx, member.memberId)).length >= MAX_PER_MEMBER) {
    throw new DomainError('too_many', 409, say('offer.tooManySaved', { max: MAX_PER_MEMBER }));
  }
  const saved: SavedSearch = { id: newId(), name, query, createdAt: nowIso(ctx) };
  await savedSearches.create([ctx.tenant.id, member.memberId, saved.id], { ...saved, memberId: member.memberId });
  return saved;
}

export async function listSavedSearches(ctx: Ctx): Promise<SavedSearch[]> {
  const member = requireMember(ctx);
  return mySaved(ctx, member.memberId);
}

export async function deleteSavedSearch(ctx: Ctx, idInput: string): Promise<void> {
  const member = requireMember(ctx);
  const id = parseInput(z.string().regex(IdPattern), idInput);
  if (!(await savedSearches.take([ctx.tenant.id, member.memberId, id], itemExists))) throw notFound('saved_search');
}

/** The viewer a member searches as now (their role may have changed since they saved). */
const viewerOfMember = (member: Member): Viewer =>
  viewerOfActor({ kind: 'member', memberId: member.id, role: member.role });

export interface SavedSearchHit {
  memberId: string;
  search: SavedSearch;
}

/**
 * The saved searches a newly published offer answers, each run by the same engine and with the
 * visibility its owner has today: an offer the owner may not see alerts no one. The offer's own
 * organisation is not told of its own offer, nor is anyone of an offer published before they saved.
 */
export async function savedSearchesMatching(
  tenantId: string,
  offer: Offer,
  readMember: (id: string) => Promise<Member | undefined>,
  ownPeople: Set<string>,
): Promise<SavedSearchHit[]> {
  const index = OfferIndex.empty();
  index.add(offerDoc(offer));
  const hits: SavedSearchHit[] = [];
  for await (const item of savedSearches.ofPortal(tenantId)) {
    const search = savedOf(item);
    const memberId = String(item.memberId);
    // Offers published before the search was saved were there to be found: no alert.
    if (!offer.publishedAt || search.createdAt >= offer.publishedAt) continue;
    if (memberId === offer.authorId || ownPeople.has(memberId)) continue;
    const member = await readMember(memberId);
    if (!member || member.status === 'blocked') continue;
    const found = index.search({
      q: search.query.q,
      filters: filtersOf({ ...search.query, sort: 'newest', limit: 1 }),
      viewer: viewerOfMember(member),
      limit: 1,
    });
    if (found.hits.length) hits.push({ memberId, search });
  }
  return hits;
}
