import type { Actor, Ctx, Role } from './context.js';
import { DomainError, say } from './errors/index.js';

/**
 * The one authorisation module: what each role of a portal may do. Core functions ask it;
 * the API and the pages never decide on their own.
 */
const PERMISSIONS = {
  'members.list': ['owner', 'admin', 'team'],
  'members.manage': ['owner', 'admin'],
  'invitations.create': ['owner', 'admin'],
  'ideas.moderate': ['owner', 'admin', 'team'],
  'portal.configure': ['owner', 'admin'],
  /** Challenges: setting them up, moving their phases, shortlisting, deciding, rewards. */
  'challenges.manage': ['owner', 'admin', 'team'],
  /** Partner organisations, technology requests, matches and the inquiry inbox: the brand's side. */
  'offers.broker': ['owner', 'admin', 'team'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'member' && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** 401 for a visitor, 403 for a member whose role does not allow it. */
export function authorize(ctx: Ctx, permission: Permission): void {
  if (ctx.actor.kind === 'visitor') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  if (!can(ctx.actor, permission)) throw new DomainError('forbidden', 403, say('access.role'));
}

/**
 * A member who may post, vote, comment, follow or flag on this portal: signed in, and with a
 * confirmed e-mail where the portal asks for one (the default).
 */
export function requireContributor(ctx: Ctx) {
  if (ctx.actor.kind !== 'member') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  // An outside expert is on the portal to judge, not to post, vote or comment.
  if (ctx.actor.role === 'juror') throw new DomainError('forbidden', 403, say('access.jurorOnly'));
  if (ctx.tenant.requireVerifiedEmail && ctx.actor.verified !== true) {
    throw new DomainError('verification_required', 403, say('access.verifyEmail'));
  }
  return ctx.actor;
}

/** Reading a portal's ideas: anyone on a public portal, only its members on a members-only or invitation-only one. */
export function requireReader(ctx: Ctx) {
  if (ctx.tenant.visibility !== 'public' && ctx.actor.kind === 'visitor') {
    throw new DomainError('sign_in_required', 401, say('access.membersOnly'));
  }
}

export const isTeam = (actor: Actor) => can(actor, 'ideas.moderate');

/** A partner organisation's person (which organisations, the offers module reads). */
export const isPartner = (actor: Actor) => actor.kind === 'member' && actor.role === 'partner';

/** Roles an inviter may hand out: admins cannot make owners. */
export function assignableRoles(actor: Actor): Role[] {
  if (actor.kind === 'system' || (actor.kind === 'member' && actor.role === 'owner'))
    return ['owner', 'admin', 'team', 'partner', 'member', 'juror'];
  if (actor.kind === 'member' && actor.role === 'admin') return ['admin', 'team', 'partner', 'member', 'juror'];
  return [];
}

/**
 * The only doors a visitor finds on a members-only or invitation-only portal: signing in or up,
 * following an e-mailed link, and the branding those pages show. Everything else answers 401
 * (API) or sends them to the sign-in page.
 */
const CLOSED_PORTAL_DOORS = {
  api: ['/api/health', '/api/portal', '/api/auth/', '/api/invitations/accept'],
  pages: [
    '/signin',
    '/signup',
    '/verify',
    '/link',
    '/reset',
    '/reset-request',
    '/invitations/accept',
    '/welcome',
    '/_app/',
    '/favicon.svg',
  ],
} as const;

/** True when this visitor must be kept out of `path` (an API route or a page) of this portal. */
export function shutOut(ctx: Ctx, surface: keyof typeof CLOSED_PORTAL_DOORS, path: string): boolean {
  if (ctx.tenant.visibility === 'public' || ctx.actor.kind !== 'visitor') return false;
  return !CLOSED_PORTAL_DOORS[surface].some(
    (door) =>
      path === door || (door.endsWith('/') ? path.startsWith(door) : path.startsWith(`${door}/`) || path === door),
  );
}
