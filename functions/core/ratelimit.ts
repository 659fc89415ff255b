import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Ctx } from './context.js';
import { rateWindows } from './db/index.js';
import { DomainError, say } from './errors/index.js';

/** Limits per scope: at most `max` attempts per window, per subject (an account or a client address). */
export const LIMITS = {
  /** Guessing one account's password from one network: held back there, and only there. */
  'signin:pair': { max: 10, windowSeconds: 15 * 60 },
  /** A backstop for guesses from many networks at once: high, so that nobody locks an owner out. */
  'signin:account': { max: 100, windowSeconds: 15 * 60 },
  'signin:address': { max: 50, windowSeconds: 15 * 60 },
  /** Wrong passwords on one account, wherever from: the owner is told by e-mail when it reaches max. */
  'signin:failures': { max: 10, windowSeconds: 15 * 60 },
  'signup:address': { max: 10, windowSeconds: 60 * 60 },
  /** Codes tried on one sign-in ticket, then on one account from one network (a million codes, three valid at a time). */
  'twostep:ticket': { max: 5, windowSeconds: 5 * 60 },
  'twostep:account': { max: 20, windowSeconds: 60 * 60 },
  /** Counted only (no refusal, which would close the portal to everyone): past the owner's rate, a proof is asked. */
  'signup:portal': { max: Number.MAX_SAFE_INTEGER, windowSeconds: 60 * 60 },
  /** Proof-of-work challenges handed to one network. */
  'challenge:address': { max: 30, windowSeconds: 60 * 60 },
  /** Links and resets asked for one account from one network; the account's own cap guards its mailbox. */
  'mail:pair': { max: 5, windowSeconds: 60 * 60 },
  'mail:account': { max: 20, windowSeconds: 60 * 60 },
  'mail:address': { max: 20, windowSeconds: 60 * 60 },
  'write:account': { max: 60, windowSeconds: 60 },
  'upload:account': { max: 30, windowSeconds: 60 * 60 },
  'portal:address': { max: 5, windowSeconds: 60 * 60 },
  /** Portals opened with one owner e-mail: each portal can bring custom domains, so a day's worth is few. */
  'portal:email': { max: 3, windowSeconds: 24 * 60 * 60 },
  /** Custom domains added by one portal (each is a CloudFront tenant and a certificate request). */
  'domain:portal': { max: 10, windowSeconds: 24 * 60 * 60 },
} as const;
export type LimitScope = keyof typeof LIMITS;

/**
 * Counts one attempt in a fixed window kept in DynamoDB (ADD is atomic; TTL cleans up) and
 * answers 429 with the seconds until the window ends once the limit is passed.
 */
/** Limits count per portal; the platform's own forms (opening a portal) count under the platform's id. */
type LimitCtx = Pick<Ctx, 'now'> & { tenant: { id: string } };

/**
 * The network a client address stands for: an IPv4 address as it is (an IPv4-mapped IPv6 one
 * too), an IPv6 address as its /64, the block a provider hands one customer, so that rotating
 * addresses inside it changes nothing.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function window(ctx: LimitCtx, scope: LimitScope, subjectGiven: string) {
  const { max, windowSeconds } = LIMITS[scope];
  const subject = scope.endsWith(':address') ? addressKey(subjectGiven) : subjectGiven;
  const now = Math.floor((ctx.now ?? new Date()).getTime() / 1000);
  const windowStart = now - (now % windowSeconds);
  const hashed = createHash('sha256').update(subject.toLowerCase()).digest('base64url').slice(0, 22);
  return {
    max,
    window: [ctx.tenant.id, scope, hashed, windowStart] as [string, string, string, number],
    expiresAt: windowStart + windowSeconds + 60,
    retryAfter: windowStart + windowSeconds - now,
  };
}

export const tooMany = (retryAfter: number) =>
  new DomainError('rate_limited', 429, say('access.rateLimited', { seconds: retryAfter }));

/** Counts one attempt; 429 past the limit; else how many the window holds now. */
export async function hit(ctx: LimitCtx, scope: LimitScope, subject: string): Promise<number> {
  const w = window(ctx, scope, subject);
  const attempts = await rateWindows.count(w.window, w.expiresAt);
  if (attempts > w.max) throw tooMany(w.retryAfter);
  return attempts;
}

/** How many attempts the current window holds, without counting one (what an owner is shown). */
export async function counted(ctx: LimitCtx, scope: LimitScope, subject: string): Promise<number> {
  const w = window(ctx, scope, subject);
  return Number((await rateWindows.get(w.window))?.attempts ?? 0);
}

/** Counts one event in its window and answers how many there are now (for alerts rather than refusals). */
export async function count(ctx: LimitCtx, scope: LimitScope, subject: string): Promise<number> {
  const w = window(ctx, scope, subject);
  return rateWindows.count(w.window, w.expiresAt);
}

/**
 * Counts one write of the signed-in member against their per-minute budget (after the caller's
 * rights are checked, so a refused caller is told why, not to wait). Visitors write nothing.
 */
export async function countWrite(ctx: Ctx): Promise<void> {
  if (ctx.actor.kind === 'member') await hit(ctx, 'write:account', ctx.actor.memberId);
}

/** The client's address as the request context has it (a job or a test without one counts as 'unknown'). */
export const addressOf = (ctx: Pick<Ctx, 'request'>) => ctx.request?.address ?? 'unknown';

/** The subject of a per-account-and-network limit: an attacker elsewhere does not share the owner's count. */
export const pairOf = (account: string, address: string) => `${account.toLowerCase()}|${addressKey(address)}`;

/**
 * The same count as a transaction item, for hot writes (votes): the attempt is counted with the
 * write itself, and the whole transaction fails when the window is full (the caller answers 429
 * with `retryAfter`). Saves a round trip on every vote.
 */
export function hitInTransaction(ctx: Ctx, scope: LimitScope, subject: string) {
  const w = window(ctx, scope, subject);
  return {
    retryAfter: w.retryAfter,
    item: rateWindows.countWith(w.window, w.expiresAt, w.max),
  };
}
