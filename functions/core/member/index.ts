import { z } from 'zod';
import type { Ctx, Role } from '../context.js';
import {
  itemAbsent,
  memberEmails,
  members,
  ownedByMember,
  ownerCounts,
  partnerMemberships,
  writeAllOrNothing,
  type OwnedKind,
  type Write,
} from '../db/index.js';
import { DomainError, say, says } from '../errors/index.js';
import { Lang } from '../tenant/index.js';

export const ROLES = ['owner', 'admin', 'team', 'partner', 'member', 'juror'] as const;
export const RoleSchema = z.enum(ROLES);
export const Email = z
  .email(says('input.email'))
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const DisplayName = z.string().trim().min(1, says('input.name')).max(60);
export const EmailPrefs = z.enum(['instant', 'digest', 'none']);

/** The stored account; `passwordHash` never leaves the core (see `profileOf`). */
export interface Member {
  id: string;
  email: string;
  displayName: string;
  lang: Lang;
  role: Role;
  /** A blocked member (spam) can no longer sign in; their sessions ended when they were blocked. */
  status: 'active' | 'blocked';
  verifiedAt?: string;
  passwordHash?: string;
  emailPrefs: z.infer<typeof EmailPrefs>;
  createdAt: string;
  /** Sessions and reset or sign-in link tokens older than these were ended (sign-out everywhere, password change). */
  sessionsNotBefore?: string;
  tokensNotBefore?: string;
  /** Two-step sign-in (identity/two-step.ts): the app's secret (sealed), the last time step taken, recovery code hashes. */
  totpSecret?: string;
  totpPending?: string;
  totpLastStep?: number;
  totpEnabledAt?: string;
  recoveryCodes?: Set<string>;
  /** The photo chosen (an upload of theirs), and its square face once the stream made it (core/image/faces.ts). */
  photoUpload?: string;
  photo?: string;
  /** Set when the member asked to delete the account: it takes no more votes while its votes are withdrawn. */
  leaving?: boolean;
}

export type Profile = Pick<
  Member,
  'id' | 'email' | 'displayName' | 'lang' | 'role' | 'emailPrefs' | 'createdAt' | 'photo' | 'photoUpload'
> & {
  verified: boolean;
  /** Two-step sign-in is on, and how many recovery codes are left. */
  twoStep: boolean;
  recoveryCodesLeft: number;
};

/** What a member sees of their account: named fields only (a stored item also carries keys, the password hash, moderation notes). */
export const profileOf = (m: Member): Profile => ({
  id: m.id,
  email: m.email,
  displayName: m.displayName,
  lang: m.lang,
  role: m.role,
  emailPrefs: m.emailPrefs,
  createdAt: m.createdAt,
  ...(m.photo ? { photo: m.photo } : {}),
  ...(m.photoUpload ? { photoUpload: m.photoUpload } : {}),
  verified: Boolean(m.verifiedAt),
  twoStep: Boolean(m.totpSecret),
  recoveryCodesLeft: m.recoveryCodes?.size ?? 0,
});

/**
 * Writes a new account with its e-mail claim (one account per e-mail per portal) and, for an
 * owner, the portal's owner count, all in one transaction.
 */
export async function insertMember(ctx: Ctx, member: Member): Promise<Member> {
  const written = await writeAllOrNothing(newMemberWrites(ctx.tenant.id, member));
  if (!written.ok)
    throw new DomainError('email_taken', 409, say('account.emailTaken'), {
      email: say('account.emailInUse'),
    });
  return member;
}

/** The writes of a new account: its e-mail claim (the first item, conditional), the account, the owner count. */
export function newMemberWrites(tenantId: string, member: Member): Write[] {
  return [
    memberEmails.put([tenantId, member.email], { memberId: member.id }, itemAbsent),
    members.put([tenantId, member.id], member),
    ...(member.role === 'owner' ? [ownerCountChange(tenantId, 1)] : []),
  ];
}

/** The portal's number of owners moves with every owner added or removed, never below one. */
export function ownerCountChange(tenantId: string, delta: 1 | -1): Write {
  return ownerCounts.update([tenantId], {
    UpdateExpression: 'ADD #count :d',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: delta < 0 ? { ':d': delta, ':min': 1 } : { ':d': delta },
    ...(delta < 0 ? { ConditionExpression: '#count > :min' } : {}),
  });
}

export async function getMember(ctx: Ctx, memberId: string): Promise<Member | undefined> {
  const member = await members.get([ctx.tenant.id, memberId]);
  return member?.status === 'active' ? member : undefined;
}

/** Account by e-mail: the e-mail claim, then the account. */
export async function getMemberByEmail(ctx: Ctx, email: string): Promise<Member | undefined> {
  const claim = await memberEmails.get([ctx.tenant.id, email]);
  return claim ? getMember(ctx, claim.memberId) : undefined;
}

/** The name and face shown on what a member writes (kept on ideas and comments: member/bylines.ts). */
export { restampBylines } from './bylines.js';

/** The name and face shown on what a member writes (kept on ideas and comments: member/bylines.ts). */
export async function getByline(ctx: Ctx, memberId: string): Promise<{ authorName: string; authorPhoto?: string }> {
  const member = await getMember(ctx, memberId);
  if (!member) throw new DomainError('sign_in_required', 401, say('access.signIn'));
  return { authorName: member.displayName, ...(member.photo ? { authorPhoto: member.photo } : {}) };
}

/** Every item a member owns of one kind (ideas, votes, comments...), from the owner index, page by page. */
export function ownedItems(ctx: Ctx, memberId: string, kind: OwnedKind) {
  return ownedByMember(ctx.tenant.id, memberId, kind);
}

/** The partner organisations a member belongs to, from the owner index (`PARTNER#…` entries). */
export async function membershipsOf(tenantId: string, memberId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of ownedByMember(tenantId, memberId, 'PARTNER', 'partnerId')) ids.push(String(item.partnerId));
  return ids;
}

/**
 * A transaction's removals of every partner membership of a member: their organisations'
 * drafts and private threads stop being theirs, their name leaves the organisations' lists
 * (a role change off or onto partner, account deletion).
 */
export async function leaveEveryPartner(tenantId: string, memberId: string): Promise<Write[]> {
  return (await membershipsOf(tenantId, memberId)).map((partnerId) =>
    partnerMemberships.remove([tenantId, partnerId, memberId]),
  );
}
