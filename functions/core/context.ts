import { DomainError, say } from './errors/index.js';
import type { Tenant } from './tenant/index.js';

/** `juror`: an outside expert invited to judge challenges, who reads the portal but does not contribute to it. */
export type Role = 'owner' | 'admin' | 'team' | 'partner' | 'member' | 'juror';

/** Who acts. Accounts and sessions arrive with the identity work; until then, visitors and seeded members. */
export type Actor =
  | { kind: 'visitor' }
  | { kind: 'member'; memberId: string; role: Role; verified?: boolean; displayName?: string; photo?: string }
  | { kind: 'system' };

/** The first argument of every core function: the tenant comes from the host, never from input. */
export interface Ctx {
  tenant: Tenant;
  actor: Actor;
  /** Fixed by the seed to spread demo activity over past weeks; requests use the clock. */
  now?: Date;
  /** Where the request came from: the portal origin (for links in e-mails) and the client address (for rate limits). */
  request?: { origin: string; address: string };
}

export const nowIso = (ctx: { now?: Date }) => (ctx.now ?? new Date()).toISOString();

/** A new `updatedAt` for an item whose saves are conditioned on it: it must move, even within one millisecond. */
export function nextUpdatedAt(ctx: { now?: Date }, item: { updatedAt: string }): string {
  const now = nowIso(ctx);
  return now > item.updatedAt ? now : new Date(Date.parse(item.updatedAt) + 1).toISOString();
}

export const visitor: Actor = { kind: 'visitor' };
export const system: Actor = { kind: 'system' };

export function requireMember(ctx: Ctx) {
  if (ctx.actor.kind !== 'member') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  return ctx.actor;
}

/** Seeding and platform jobs act as the system; requests never do. */
export function requireSystem(ctx: { actor: Actor }) {
  if (ctx.actor.kind !== 'system') throw new DomainError('forbidden', 403, say('access.notAllowed'));
}
