import { z } from 'zod';
import { assignableRoles, authorize } from '../authz.js';
import { nowIso, type Ctx, type Role } from '../context.js';
import { decodeCursor, encodeCursor, members, tokens, writeAllOrNothing } from '../db/index.js';
import { auditWrite } from '../admin/index.js';
import { DomainError, invalidFields, notFound, parseInput, say, says } from '../errors/index.js';
import { newId } from '../ids.js';
import {
  checkToken,
  createSession,
  endAllSessions,
  consumeToken,
  issueToken,
  tokenIdOf,
  type TokenData,
  NewPassword,
  hashPassword,
} from '../identity/index.js';
import { membershipWrite } from './membership.js';
import { ROLE_NAMES, sendTemplate } from '../mail/index.js';
import {
  DisplayName,
  Email,
  ROLES,
  RoleSchema,
  getMember,
  getMemberByEmail,
  insertMember,
  leaveEveryPartner,
  ownerCountChange,
  profileOf,
  type Member,
  type Profile,
} from '../member/index.js';
import { hit } from '../ratelimit.js';
import { localized } from '../tenant/index.js';
import { fn } from '../fn.js';

export const Invite = z.object({ email: Email, role: z.enum(['owner', 'admin', 'team', 'partner']) });
export const AcceptInvitation = z.object({
  token: z.string().min(1).max(100),
  displayName: DisplayName.optional(),
  password: NewPassword.optional(),
});
export const ChangeRole = z.object({ role: RoleSchema });
export const ListMembers = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

function refuseRole(ctx: Ctx, role: Role) {
  if (!assignableRoles(ctx.actor).includes(role)) throw new DomainError('forbidden', 403, say('roles.cannotGive'));
}

/** Owners and admins invite by e-mail with a role; the link is valid 7 days, for this portal only. */
export const invite = /* @__PURE__ */ fn(
  (ctx) => authorize(ctx, 'invitations.create'),
  Invite,
  async (ctx, { email, role }): Promise<{ email: string; role: Role }> => {
    refuseRole(ctx, role);
    return sendInvitation(ctx, email, role);
  },
);

/**
 * Sends an invitation the caller has been allowed to send (by `invite`, or by the offers
 * module for a partner organisation's people, which the innovation team manages).
 */
export async function sendInvitation(
  ctx: Ctx,
  email: string,
  role: Role,
  membership: { partnerId?: string } = {},
): Promise<{ email: string; role: Role }> {
  const inviter = ctx.actor.kind === 'member' ? await getMember(ctx, ctx.actor.memberId) : undefined;
  await hit(ctx, 'mail:account', inviter?.id ?? 'system');
  const token = await issueToken(ctx, 'invite', { email, role, invitedBy: inviter?.id, ...membership });
  const existing = await getMemberByEmail(ctx, email);
  const lang = existing?.lang ?? ctx.tenant.defaultLang;
  await sendTemplate(ctx, {
    to: email,
    lang,
    template: 'invite',
    link: `${ctx.request?.origin ?? ''}/invitations/accept?token=${encodeURIComponent(token)}`,
    params: {
      inviter: inviter?.displayName ?? localized(ctx.tenant.name, lang, ctx.tenant.defaultLang),
      role: ROLE_NAMES[lang][role] ?? role,
    },
  });
  return { email, role };
}

/**
 * Accepts an invitation: a signed-in member with the invited e-mail gets the role; someone
 * without an account here creates it with the role (the link proves the e-mail).
 */
export async function acceptInvitation(
  ctx: Ctx,
  input: z.input<typeof AcceptInvitation>,
): Promise<{ profile: Profile; token?: string }> {
  const data = parseInput(AcceptInvitation, input);
  const signedIn = ctx.actor.kind === 'member' ? await getMember(ctx, ctx.actor.memberId) : undefined;
  // Checked before the token is used up, so that opening the link with the wrong account costs
  // nothing; a withdrawn or dead link is said so before any form field is asked for.
  const peeked = await checkToken(ctx, 'invite', data.token);
  if (!signedIn && (!data.displayName || !data.password)) {
    throw invalidFields({
      ...(data.displayName ? {} : { displayName: say('input.name') }),
      ...(data.password ? {} : { password: say('account.choosePassword') }),
    });
  }
  if (signedIn && signedIn.email !== peeked.email) {
    throw new DomainError('wrong_account', 403, say('roles.wrongAccount'));
  }
  if (signedIn && ROLES.indexOf(peeked.role as Role) > ROLES.indexOf(signedIn.role)) {
    throw new DomainError('role_higher', 409, say('roles.higherAlready'));
  }
  const invitation = await consumeToken(ctx, 'invite', data.token);
  const role = invitation.role as Role;
  if (signedIn) {
    if (signedIn.email !== invitation.email) {
      throw new DomainError('wrong_account', 403, say('roles.wrongAccount'));
    }
    const updated = await setRole(ctx, signedIn, role);
    await joinPartner(ctx, invitation, updated);
    return { profile: profileOf(updated) };
  }
  const existing = await getMemberByEmail(ctx, invitation.email!);
  if (existing) throw new DomainError('sign_in_required', 401, say('roles.signInToAccept'));
  const at = nowIso(ctx);
  const member = await insertMember(ctx, {
    id: newId(),
    email: invitation.email!,
    displayName: data.displayName!,
    lang: ctx.tenant.defaultLang,
    role,
    status: 'active',
    emailPrefs: 'instant',
    verifiedAt: at,
    passwordHash: await hashPassword(data.password!),
    createdAt: at,
  });
  await joinPartner(ctx, invitation, member);
  return { profile: profileOf(member), token: await createSession(ctx.tenant.id, member.id, ctx.now) };
}

async function joinPartner(ctx: Ctx, invitation: TokenData, member: Member) {
  if (invitation.partnerId)
    await writeAllOrNothing([membershipWrite(ctx.tenant.id, invitation.partnerId, member, nowIso(ctx))]);
}

export interface PendingInvitation {
  /** The stored hash of the link's secret: it names the invitation, and cannot be turned back into the link. */
  id: string;
  email: string;
  role: Role;
  partnerId?: string;
  invitedBy?: string;
  sentAt: string;
  expiresAt: string;
}

const InvitationId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, says('roles.invitationId'));

/** The invitations sent and not yet used, revoked or expired, oldest first, for owners and admins. */
export async function listInvitations(ctx: Ctx): Promise<PendingInvitation[]> {
  authorize(ctx, 'invitations.create');
  const now = Math.floor((ctx.now ?? new Date()).getTime() / 1000);
  const pending: PendingInvitation[] = [];
  for await (const item of tokens.invitationsOf(ctx.tenant.id)) {
    if (item.expiresAt <= now || item.revokedAt) continue; // TTL deletes expired items late
    pending.push({
      id: tokenIdOf(item),
      email: String(item.email),
      role: item.role as Role,
      ...(item.partnerId ? { partnerId: item.partnerId } : {}),
      ...(item.invitedBy ? { invitedBy: item.invitedBy } : {}),
      sentAt: String(item.issuedAt),
      expiresAt: new Date(item.expiresAt * 1000).toISOString(),
    });
  }
  return pending;
}

/**
 * Owners and admins withdraw an invitation not yet used: its link then answers that it was
 * withdrawn (410). The token is marked, leaves the list and is audited in one transaction.
 */
export async function revokeInvitation(ctx: Ctx, idInput: string): Promise<{ id: string; revoked: true }> {
  authorize(ctx, 'invitations.create');
  const id = parseInput(InvitationId, idInput);
  const token = await tokens.get([ctx.tenant.id, id], { consistent: true });
  if (!token || token.kind !== 'invite') throw notFound('invitation');
  const written = await writeAllOrNothing([
    tokens.update([ctx.tenant.id, id], {
      UpdateExpression: 'SET revokedAt = :at REMOVE listKey, listSort',
      ConditionExpression: 'attribute_exists(pk) AND kind = :invite AND attribute_not_exists(revokedAt)',
      ExpressionAttributeValues: { ':at': nowIso(ctx), ':invite': 'invite' },
    }),
    auditWrite(ctx, 'invitation.revoke', { email: token.email, role: token.role }),
  ]);
  // Used or revoked meanwhile: there is no pending invitation of that name any more.
  if (!written.ok) throw notFound('invitation');
  return { id, revoked: true };
}

/** The portal's accounts, oldest first, for its team. */
export const listMembers = /* @__PURE__ */ fn(
  (ctx) => authorize(ctx, 'members.list'),
  ListMembers,
  async (ctx, { cursor, limit }) => {
    const { items, last } = await members.pageOfPortal(ctx.tenant.id, {
      limit,
      start: decodeCursor(ctx.tenant.id, 'members', cursor),
    });
    return { items: items.map(profileOf), cursor: encodeCursor(ctx.tenant.id, 'members', last) };
  },
);

/**
 * The role changes, the owner count with it (never below one), and the member's sessions end.
 * Partner memberships go with a change off or onto the partner role, so that getting the role
 * back never restores an old organisation's drafts and threads (an invitation adds its own after).
 */
async function setRole(ctx: Ctx, member: Member, role: Role): Promise<Member> {
  if (member.role === role) return member;
  const ownerDelta = role === 'owner' ? 1 : member.role === 'owner' ? -1 : 0;
  const leaving = [role, member.role].includes('partner') ? await leaveEveryPartner(ctx.tenant.id, member.id) : [];
  const written = await writeAllOrNothing([
    members.update([ctx.tenant.id, member.id], {
      UpdateExpression: 'SET #role = :role',
      ConditionExpression: '#role = :was',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':role': role, ':was': member.role },
    }),
    ...(ownerDelta ? [ownerCountChange(ctx.tenant.id, ownerDelta)] : []),
    auditWrite(ctx, 'member.role', { member: member.id, name: member.displayName, from: member.role, to: role }),
    ...leaving,
  ]);
  if (!written.ok) {
    if (ownerDelta && written.failed[1]) throw new DomainError('last_owner', 409, say('roles.lastOwner'));
    throw new DomainError('conflict', 409, say('roles.changed'));
  }
  await endAllSessions(ctx.tenant.id, member.id);
  return { ...member, role };
}

/** Owners and admins change a member's role; admins neither make nor unmake owners. */
export async function changeRole(ctx: Ctx, memberId: string, input: z.input<typeof ChangeRole>): Promise<Profile> {
  authorize(ctx, 'members.manage');
  const { role } = parseInput(ChangeRole, input);
  const member = await getMember(ctx, parseInput(z.string().regex(/^[0-9a-z]{20}$/), memberId));
  if (!member) throw notFound('member');
  refuseRole(ctx, role);
  if (member.role === 'owner') refuseRole(ctx, 'owner');
  return profileOf(await setRole(ctx, member, role));
}

export { membershipWrite } from './membership.js';
