import type { z } from 'zod';
import { countWrite } from '../ratelimit.js';
import { nextUpdatedAt, nowIso, type Ctx } from '../context.js';
import { itemAbsent, offers, partners, placeholders, requests, setAndRemove } from '../db/index.js';
import { DomainError, invalidFields, notFound, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { ownReadyUpload, writeAttaching, type UploadInfo } from '../upload/index.js';
import { isOfferTeam, ownedByPartners, partnerIdsOf, requireKnownSectors, viewerOf } from './access.js';
import { sees } from './engine/types.js';
import { offerLogWrite } from './index-store.js';
import { OfferDraft, OfferId, OfferPatch, PublishableOffer } from './schema.js';
import { OFFER_FIELDS, offerOf, type Offer } from './offer-item.js';
import { fn } from '../fn.js';

export async function readOffer(tenantId: string, offerId: string): Promise<Offer | undefined> {
  const item = await offers.get([tenantId, offerId], { consistent: true });
  return item ? offerOf(item) : undefined;
}

/** The partner acting on an offer of their own organisation; anyone else is refused. */
async function ownOffer(ctx: Ctx, offerIdInput: string): Promise<Offer> {
  if (ctx.actor.kind !== 'member') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  const offerId = parseInput(OfferId, offerIdInput);
  const offer = await readOffer(ctx.tenant.id, offerId);
  const mine = await partnerIdsOf(ctx);
  if (!offer) throw notFound('offer');
  if (!mine.includes(offer.partnerId)) {
    // Whoever could not see it anyway learns nothing of it.
    if (!canRead(ctx, offer, mine)) throw notFound('offer');
    throw new DomainError('forbidden', 403, say('offer.publisherOnly'));
  }
  return offer;
}

function canRead(ctx: Ctx, offer: Offer, myPartners: string[]): boolean {
  if (myPartners.includes(offer.partnerId)) return true;
  if (offer.state === 'draft') return false;
  if (isOfferTeam(ctx)) return true;
  return offer.state === 'published' && sees(viewerOf(ctx), offer.visibility);
}

const attachmentsOf = (ctx: Ctx, ids: string[]) => Promise.all([...new Set(ids)].map((id) => ownReadyUpload(ctx, id)));

async function requestExists(tenantId: string, requestId: string) {
  return Boolean(await requests.get([tenantId, requestId], { projection: 'pk' }));
}

/** A partner saves a new offer of their organisation, as a draft. */
/** Offers are written by partner organisations' people: anyone else is refused before the draft is read. */
function requirePublisher(ctx: Ctx) {
  if (ctx.actor.kind !== 'member') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  if (ctx.actor.role === 'member') throw new DomainError('forbidden', 403, say('offer.partnersPublish'));
  return ctx.actor;
}

export const createOffer = /* @__PURE__ */ fn(
  requirePublisher,
  OfferDraft,
  async (ctx, { partnerId: asked, attachmentIds, ...data }, author): Promise<Offer> => {
    requireKnownSectors(ctx, data.sectors);
    const mine = await partnerIdsOf(ctx);
    if (!mine.length) throw new DomainError('forbidden', 403, say('offer.partnersPublish'));
    await countWrite(ctx);
    const partnerId = asked ?? mine[0]!;
    if (!mine.includes(partnerId)) throw new DomainError('forbidden', 403, say('offer.notInOrganisation'));
    if (data.requestId && !(await requestExists(ctx.tenant.id, data.requestId))) {
      throw invalidFields({
        requestId: say('offer.noSuchRequest'),
      });
    }
    const partner = await partners.get([ctx.tenant.id, partnerId]);
    const at = nowIso(ctx);
    const offer: Offer = {
      ...data,
      id: newId(),
      partnerId,
      partnerName: String(partner?.name ?? ''),
      authorId: author.memberId,
      attachments: await attachmentsOf(ctx, attachmentIds),
      state: 'draft',
      createdAt: at,
      updatedAt: at,
    };
    await writeAttaching(ctx, [offers.put([ctx.tenant.id, offer.id], offer, itemAbsent)], offer.attachments);
    return offer;
  },
);

/**
 * Writes the offer's next state in one transaction with its search log entry, conditioned on
 * the state read (a concurrent edit makes this one fail with 409, never half-apply).
 */
async function saveOffer(ctx: Ctx, before: Offer, next: Offer): Promise<Offer> {
  // Datasheets it did not have are attached with it (those it kept are already).
  const added = next.attachments.filter((a) => !before.attachments.some((b) => b.id === a.id));
  const indexed = offers.indexesOf([ctx.tenant.id, next.id], next);
  const x = placeholders();
  const set = Object.fromEntries(
    Object.entries({ ...next, ...indexed }).filter(([name, v]) => v !== undefined && name !== 'id'),
  );
  const remove = [...OFFER_FIELDS, 'listKey', 'listSort'].filter((name) => name !== 'id' && set[name] === undefined);
  const written = await writeAttaching(
    ctx,
    [
      offers.update([ctx.tenant.id, next.id], {
        UpdateExpression: setAndRemove(x, set, remove),
        ConditionExpression: `${x.name('updatedAt')} = ${x.value(before.updatedAt)}`,
        ...x.expression,
      }),
      ...(before.state === 'published' || next.state === 'published' ? [offerLogWrite(ctx.tenant.id, next)] : []),
    ],
    added,
  );
  if (!written.ok) throw new DomainError('conflict', 409, say('offer.changed'));
  return next;
}

function requirePublishable(offer: Offer) {
  parseInput(PublishableOffer, offer);
}

/** The organisation edits its offer; a published offer must stay publishable and the search follows at once. */
export async function updateOffer(ctx: Ctx, offerId: string, input: z.input<typeof OfferPatch>): Promise<Offer> {
  const before = await ownOffer(ctx, offerId);
  await countWrite(ctx);
  const { attachmentIds, ...patch } = parseInput(OfferPatch, input);
  requireKnownSectors(ctx, patch.sectors);
  if (patch.requestId && !(await requestExists(ctx.tenant.id, patch.requestId))) {
    throw invalidFields({
      requestId: say('offer.noSuchRequest'),
    });
  }
  const cleared = Object.keys(patch).filter((name) => patch[name as keyof typeof patch] === null);
  const next: Offer = {
    ...(Object.fromEntries(Object.entries(before).filter(([name]) => !cleared.includes(name))) as unknown as Offer),
    ...(Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null)) as Partial<Offer>),
    // Kept datasheets stay as they were; new ones must be the editor's finished uploads.
    ...(attachmentIds ? { attachments: await keepOrAttach(ctx, before, attachmentIds) } : {}),
    updatedAt: nextUpdatedAt(ctx, before),
  };
  if (next.state === 'published') requirePublishable(next);
  return saveOffer(ctx, before, next);
}

async function keepOrAttach(ctx: Ctx, before: Offer, ids: string[]): Promise<UploadInfo[]> {
  const kept = new Map(before.attachments.map((a) => [a.id, a]));
  return Promise.all([...new Set(ids)].map((id) => kept.get(id) ?? ownReadyUpload(ctx, id)));
}

/** Publishing checks every field (400 naming those missing); the offer is searchable from the next search on. */
export async function publishOffer(ctx: Ctx, offerId: string): Promise<Offer> {
  const before = await ownOffer(ctx, offerId);
  await countWrite(ctx);
  if (before.state === 'published') return before;
  requirePublishable(before);
  const at = nextUpdatedAt(ctx, before);
  return saveOffer(ctx, before, {
    ...before,
    state: 'published',
    publishedAt: before.publishedAt ?? at,
    updatedAt: at,
  });
}

/** Withdrawing takes the offer out of every list and search at once; it can be published again. */
export async function withdrawOffer(ctx: Ctx, offerId: string): Promise<Offer> {
  const before = await ownOffer(ctx, offerId);
  await countWrite(ctx);
  if (before.state !== 'published') return before;
  return saveOffer(ctx, before, { ...before, state: 'withdrawn', updatedAt: nextUpdatedAt(ctx, before) });
}

export interface OfferView extends Offer {
  /** The reader belongs to the organisation and may edit it. */
  canEdit: boolean;
}

/** One offer, for whoever may see it; to anyone else it does not exist. */
export async function getOffer(ctx: Ctx, offerIdInput: string): Promise<OfferView> {
  const offerId = parseInput(OfferId, offerIdInput);
  viewerOf(ctx); // a closed portal's visitor is refused before anything is read
  const [offer, mine] = await Promise.all([readOffer(ctx.tenant.id, offerId), partnerIdsOf(ctx)]);
  if (!offer || !canRead(ctx, offer, mine)) throw notFound('offer');
  return { ...offer, canEdit: mine.includes(offer.partnerId) };
}

/** The offers of the signed-in partner's organisations, every state, newest first. */
export async function listMyOffers(ctx: Ctx): Promise<Offer[]> {
  if (ctx.actor.kind !== 'member') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  const mine = await partnerIdsOf(ctx);
  if (!mine.length) throw new DomainError('forbidden', 403, say('offer.partnersOwn'));
  return (await ownedByPartners(ctx.tenant.id, mine, 'OFFER'))
    .map(offerOf)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
