import { z } from 'zod';
import { countWrite } from '../ratelimit.js';
import { authorize, requireReader } from '../authz.js';
import { nowIso, requireSystem, type Ctx } from '../context.js';
import { membershipWrite, sendInvitation } from '../roles/index.js';
import {
  itemExists,
  memberFaces,
  members,
  partnerMemberships,
  partners,
  placeholders,
  setAndRemove,
  writeAllOrNothing,
} from '../db/index.js';
import { auditWrite } from '../admin/index.js';
import { DomainError, invalidFields, notFound, parseInput, say, says } from '../errors/index.js';
import { endAllSessions } from '../identity/index.js';
import { IdPattern, newId } from '../ids.js';
import { Email, membershipsOf } from '../member/index.js';
import { ownReadyUpload, writeAttaching, type UploadInfo } from '../upload/index.js';
import { requireOfferTeam, requirePartnerSide } from './access.js';
import { PartnerId, PartnerInput, PartnerPatch } from './schema.js';
import { fn } from '../fn.js';

export interface Partner {
  id: string;
  name: string;
  country: string;
  website?: string;
  description: string;
  logo?: UploadInfo;
  createdAt: string;
  updatedAt: string;
}

const partnerOf = (item: Record<string, unknown>): Partner => ({
  id: String(item.id),
  name: String(item.name),
  country: String(item.country),
  website: item.website as string | undefined,
  description: String(item.description ?? ''),
  logo: item.logo as UploadInfo | undefined,
  createdAt: String(item.createdAt),
  updatedAt: String(item.updatedAt),
});

/** An image the actor uploaded, as the organisation's logo. */
async function logoFrom(ctx: Ctx, logoId: string): Promise<UploadInfo> {
  const logo = await ownReadyUpload(ctx, logoId);
  if (!logo.contentType.startsWith('image/')) throw invalidFields({ logoId: say('offer.logoImage') });
  return logo;
}

/** The brand's team registers a partner organisation; its members are then invited with the partner role. */
export const createPartner = /* @__PURE__ */ fn(
  requireOfferTeam,
  PartnerInput,
  async (ctx, { logoId, ...data }): Promise<Partner> => {
    await countWrite(ctx);
    const at = nowIso(ctx);
    const partner: Partner = {
      id: newId(),
      ...data,
      ...(logoId ? { logo: await logoFrom(ctx, logoId) } : {}),
      createdAt: at,
      updatedAt: at,
    };
    await writeAttaching(
      ctx,
      [
        partners.put([ctx.tenant.id, partner.id], partner),
        auditWrite(ctx, 'partner.create', { partner: partner.id, name: partner.name }),
      ],
      partner.logo ? [partner.logo] : [],
    );
    return partner;
  },
);

async function readPartner(tenantId: string, partnerId: string): Promise<Partner | undefined> {
  const item = await partners.get([tenantId, partnerId], { consistent: true });
  return item ? partnerOf(item) : undefined;
}

/** A partner's public profile, shown beside its offers. */
export async function getPartner(ctx: Ctx, partnerIdInput: string): Promise<Partner> {
  requireReader(ctx);
  const partner = await readPartner(ctx.tenant.id, parseInput(PartnerId, partnerIdInput));
  if (!partner) throw notFound('partner');
  return partner;
}

/** The organisation's own members and the team edit its profile. */
export async function updatePartner(
  ctx: Ctx,
  partnerIdInput: string,
  input: z.input<typeof PartnerPatch>,
): Promise<Partner> {
  const partnerId = parseInput(PartnerId, partnerIdInput);
  if (!(await readPartner(ctx.tenant.id, partnerId))) throw notFound('partner');
  // Who may change it first: a caller without the right learns nothing of the input rules.
  await requirePartnerSide(ctx, partnerId);
  await countWrite(ctx);
  const { logoId, ...patch } = parseInput(PartnerPatch, input);
  const logo = logoId ? await logoFrom(ctx, logoId) : undefined;
  const changes: Record<string, unknown> = { ...patch, ...(logo ? { logo } : {}), updatedAt: nowIso(ctx) };
  if (patch.name)
    Object.assign(changes, partners.indexesOf([ctx.tenant.id, partnerId], { name: patch.name } as Partner));
  const x = placeholders();
  // A new logo is attached in the same transaction.
  const written = await writeAttaching(
    ctx,
    [
      partners.update([ctx.tenant.id, partnerId], {
        UpdateExpression: setAndRemove(x, changes),
        ...itemExists,
        ...x.expression,
      }),
    ],
    logo ? [logo] : [],
  );
  const updated = written.ok && (await readPartner(ctx.tenant.id, partnerId));
  if (!updated) throw notFound('partner');
  return updated;
}

/** Every partner organisation of the portal, by name. */
export async function listPartners(ctx: Ctx): Promise<Partner[]> {
  requireReader(ctx);
  const { items } = await partners.ofPortal(ctx.tenant.id);
  return items.map(partnerOf);
}

export interface PartnerMember {
  memberId: string;
  displayName: string;
  /** Their face, when they chose a photo. */
  photo?: string;
  joinedAt: string;
}

/** The people of an organisation, for its members and the team. */
export async function listPartnerMembers(ctx: Ctx, partnerIdInput: string): Promise<PartnerMember[]> {
  const partnerId = parseInput(PartnerId, partnerIdInput);
  await requirePartnerSide(ctx, partnerId);
  // An id of nothing (or of another portal's organisation) is a 404, not an empty list.
  if (!(await readPartner(ctx.tenant.id, partnerId))) throw notFound('partner');
  const people = await partnerMemberIds(ctx.tenant.id, partnerId);
  const faces = await memberFaces(
    ctx.tenant.id,
    people.map((person) => person.memberId),
  );
  return people.map((person) =>
    faces.has(person.memberId) ? { ...person, photo: faces.get(person.memberId) } : person,
  );
}

export async function partnerMemberIds(tenantId: string, partnerId: string): Promise<PartnerMember[]> {
  const members: PartnerMember[] = [];
  for await (const item of partnerMemberships.ofPartner(tenantId, partnerId))
    members.push({
      memberId: String(item.memberId),
      displayName: String(item.displayName ?? ''),
      joinedAt: String(item.joinedAt),
    });
  return members;
}

/** The team invites someone into an organisation: the invitation gives the partner role and the membership. */
export async function invitePartnerMember(ctx: Ctx, partnerIdInput: string, input: { email?: unknown }) {
  requireOfferTeam(ctx);
  await countWrite(ctx);
  const partnerId = parseInput(PartnerId, partnerIdInput);
  if (!(await readPartner(ctx.tenant.id, partnerId))) throw notFound('partner');
  return sendInvitation(ctx, parseInput(Email, input.email), 'partner', { partnerId });
}

const MemberId = z.string().regex(IdPattern, says('member.id'));

/**
 * Owners and admins take a person out of an organisation, in one transaction: the membership
 * goes (its drafts and private threads are no longer theirs to see, their name leaves its list)
 * and, out of their last organisation, a partner becomes a member; their sessions then end.
 */
export async function removePartnerMember(ctx: Ctx, partnerIdInput: string, memberIdInput: string) {
  authorize(ctx, 'members.manage');
  await countWrite(ctx);
  const partnerId = parseInput(PartnerId, partnerIdInput);
  const memberId = parseInput(MemberId, memberIdInput);
  const t = ctx.tenant.id;
  const membership = await partnerMemberships.get([t, partnerId, memberId], { consistent: true });
  if (!membership) throw notFound('member');
  const [member, others] = await Promise.all([
    members.get([t, memberId], { consistent: true }),
    membershipsOf(t, memberId).then((ids) => ids.filter((id) => id !== partnerId)),
  ]);
  const demote = member?.role === 'partner' && others.length === 0;
  const written = await writeAllOrNothing([
    partnerMemberships.remove([t, partnerId, memberId], itemExists),
    ...(demote
      ? [
          members.update([t, memberId], {
            UpdateExpression: 'SET #role = :member',
            ConditionExpression: '#role = :partner',
            ExpressionAttributeNames: { '#role': 'role' },
            ExpressionAttributeValues: { ':member': 'member', ':partner': 'partner' },
          }),
        ]
      : []),
    auditWrite(ctx, 'partner.removeMember', {
      partner: partnerId,
      member: memberId,
      name: membership.displayName,
      ...(demote ? { to: 'member' } : {}),
    }),
  ]);
  if (!written.ok) throw new DomainError('conflict', 409, say('roles.changed'));
  if (demote) await endAllSessions(t, memberId, ctx.now);
  return { partnerId, memberId, role: demote ? 'member' : (member?.role ?? null) };
}

/** Seeding and tests put an existing partner account into an organisation (requests go through invitations). */
export async function addToPartnerAsSystem(ctx: Ctx, partnerId: string, member: { id: string; displayName: string }) {
  requireSystem(ctx);
  await writeAllOrNothing([membershipWrite(ctx.tenant.id, partnerId, member, nowIso(ctx))]);
}
