import { can, isPartner, requireReader } from '../authz.js';
import type { Actor, Ctx } from '../context.js';
import { batchGet, keys, ownedByPartner, type OwnedKind } from '../db/index.js';
import { membershipsOf } from '../member/index.js';
import { DomainError, invalidFields, say } from '../errors/index.js';
import type { Viewer } from './engine/types.js';

/*
 * Who sees what of the technology offers, in one place: the brand's team sees every offer, a
 * partner also the offers meant for partners, anyone else the public ones. An organisation's own
 * drafts and withdrawn offers are seen by its members and the team only.
 */

export const isOfferTeam = (ctx: Ctx) => can(ctx.actor, 'offers.broker');

/** What an actor sees of the offers: the team all, a partner also partners-only ones, anyone else the public ones. */
export const viewerOfActor = (actor: Actor): Viewer =>
  can(actor, 'offers.broker') ? 'team' : isPartner(actor) ? 'partner' : 'member';

/** The search's viewer for this request; a visitor of a public portal searches as a member. */
export function viewerOf(ctx: Ctx): Viewer {
  requireReader(ctx);
  return viewerOfActor(ctx.actor);
}

/** The organisations the signed-in partner belongs to (usually one); none for anyone else. */
export async function partnerIdsOf(ctx: Ctx): Promise<string[]> {
  if (ctx.actor.kind !== 'member' || !isPartner(ctx.actor)) return [];
  const memberId = ctx.actor.memberId;
  const listed = await membershipsOf(ctx.tenant.id, memberId);
  if (!listed.length) return [];
  // The owner index lags the table: a membership just removed must not open its organisation meanwhile.
  const held = await batchGet(
    listed.map((partnerId) => keys.partnerMembership(ctx.tenant.id, partnerId, memberId)),
    ['partnerId'],
    { consistent: true },
  );
  return listed.filter((partnerId) => held.some((item) => item.partnerId === partnerId));
}

/** Everything of one kind (offers, threads) that these partner organisations own. */
export async function ownedByPartners(
  tenantId: string,
  partnerIds: string[],
  kind: OwnedKind,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (const partnerId of partnerIds)
    for await (const item of ownedByPartner(tenantId, partnerId, kind)) items.push(item);
  return items;
}

/** The brand's team, for requests, matches and the inbox. */
export function requireOfferTeam(ctx: Ctx) {
  if (ctx.actor.kind === 'visitor') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  if (!isOfferTeam(ctx)) throw new DomainError('forbidden', 403, say('access.role'));
}

/** A member of `partnerId`'s organisation (or the team, who manage partners). */
export async function requirePartnerSide(ctx: Ctx, partnerId: string): Promise<'team' | 'partner'> {
  if (ctx.actor.kind === 'visitor') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  if (isOfferTeam(ctx)) return 'team';
  if ((await partnerIdsOf(ctx)).includes(partnerId)) return 'partner';
  throw new DomainError('forbidden', 403, say('offer.organisationOnly'));
}

/** Sectors come from the portal's own list (tenant setting `offerSectors`). */
export function requireKnownSectors(ctx: Ctx, sectors: readonly string[] | undefined) {
  const known = new Set(ctx.tenant.offerSectors.map((s) => s.id));
  const unknown = (sectors ?? []).filter((s) => !known.has(s));
  if (unknown.length)
    throw invalidFields({
      sectors: say('offer.unknownSector', { sectors: unknown.join(', ') }),
    });
}
