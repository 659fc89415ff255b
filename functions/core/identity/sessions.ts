import type { Actor, Role } from '../context.js';
import { deleteSessionsOf, members, sessions, sessionWithMember } from '../db/index.js';
import { hashSecret, newSecret } from './tokens.js';

/** A session lives 30 days at most, and ends sooner after a week without use. */
export const SESSION_SECONDS = 30 * 24 * 3600;
export const SESSION_IDLE_SECONDS = 7 * 24 * 3600;
/** How stale a session's last use may be before it is written again (one write an hour, not one per request). */
const TOUCH_SECONDS = 3600;

/**
 * The session cookie for a portal origin: over HTTPS `__Host-sid`, which the browser keeps to
 * this very host, Secure and on `/` (no sibling subdomain of the platform can set or shadow it);
 * on plain-http localhost, where a Secure cookie cannot be set, `sid`.
 */
export function sessionCookie(origin: string | undefined): { name: string; secure: boolean } {
  const secure = !origin?.startsWith('http:');
  return { name: secure ? '__Host-sid' : 'sid', secure };
}

/** The cookie is `<memberId>.<secret>`: the id lets one BatchGet read session and member together; only the secret's hash is stored. */
const TOKEN = /^([0-9a-z]{20})\.([A-Za-z0-9_-]{43})$/;

/** A new server-side session: the cookie carries 256 random bits, the table only their hash. */
export async function createSession(tenantId: string, memberId: string, now = new Date()): Promise<string> {
  const secret = newSecret();
  const at = now.toISOString();
  const hash = hashSecret(secret);
  await sessions.create([tenantId, hash], {
    memberId,
    createdAt: at,
    expiresAt: Math.floor(now.getTime() / 1000) + SESSION_SECONDS,
  });
  return `${memberId}.${secret}`;
}

/**
 * Resolved sessions are kept a few seconds per process, so a burst of requests does not read
 * DynamoDB each time. Ending sessions forgets them here (before and after the writes); another
 * Lambda instance may honour a revoked session for at most CACHE_MS (see docs/architecture.md).
 */
const CACHE_MS = 5_000;
/** `until`: this process's cache time; `endsAt`: when the session itself ends (its expiry or idle limit), in seconds. */
const cache = new Map<string, { actor: Actor; memberId: string; until: number; endsAt: number }>();

export function forgetMemberSessions(tenantId: string, memberId: string) {
  for (const [key, entry] of cache)
    if (entry.memberId === memberId && key.startsWith(`${tenantId}:`)) cache.delete(key);
}

/**
 * The actor behind a session cookie of this tenant: a visitor when the token is malformed,
 * unknown, expired (TTL deletion can lag), of another member or tenant, older than the member's
 * last "end all sessions", or when the member is gone.
 */
export async function actorFromSession(tenantId: string, token: string | undefined, now = new Date()): Promise<Actor> {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return { kind: 'visitor' };
  const [, memberId, secret] = match as unknown as [string, string, string];
  const cacheKey = `${tenantId}:${hashSecret(secret)}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.until > Date.now() && hit.endsAt > now.getTime() / 1000) return hit.actor;
  const { actor, endsAt } = await readSession(tenantId, memberId, secret, now);
  if (actor.kind === 'member') cache.set(cacheKey, { actor, memberId, until: Date.now() + CACHE_MS, endsAt });
  return actor;
}

const nobody = { actor: { kind: 'visitor' } as Actor, endsAt: 0 };

/** One BatchGetItem: the session and its member, both strongly consistent. */
async function readSession(
  tenantId: string,
  memberId: string,
  secret: string,
  now: Date,
): Promise<{ actor: Actor; endsAt: number }> {
  const { session, member } = await sessionWithMember(tenantId, hashSecret(secret), memberId);
  if (!session || !member || member.status !== 'active' || session.memberId !== memberId) return nobody;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const lastSeen = Math.floor(Date.parse(String(session.lastSeenAt ?? session.createdAt)) / 1000);
  const endsAt = Math.min(session.expiresAt as number, lastSeen + SESSION_IDLE_SECONDS);
  if (endsAt <= nowSeconds) return nobody;
  if (member.sessionsNotBefore && String(session.createdAt) < String(member.sessionsNotBefore)) return nobody;
  if (nowSeconds - lastSeen > TOUCH_SECONDS)
    await sessions.change([tenantId, hashSecret(secret)], {
      UpdateExpression: 'SET lastSeenAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':now': now.toISOString() },
    });
  const actor: Actor = {
    kind: 'member',
    memberId,
    role: member.role as Role,
    verified: Boolean(member.verifiedAt),
    displayName: member.displayName as string,
    ...(member.photo ? { photo: member.photo } : {}),
  };
  return { actor, endsAt: Math.min(session.expiresAt as number, nowSeconds + SESSION_IDLE_SECONDS) };
}

export async function endSession(tenantId: string, token: string): Promise<void> {
  const match = TOKEN.exec(token);
  if (!match) return;
  cache.delete(`${tenantId}:${hashSecret(match[2]!)}`);
  await sessions.delete([tenantId, hashSecret(match[2]!)]);
  cache.delete(`${tenantId}:${hashSecret(match[2]!)}`);
}

/**
 * Ends every session of a member. The member's `sessionsNotBefore` makes it exact at once (a
 * session older than it is refused), whatever the owner index, which lags, still lists; the
 * session items are then deleted from that index in batches of 25.
 */
export async function endAllSessions(tenantId: string, memberId: string, now = new Date()): Promise<number> {
  forgetMemberSessions(tenantId, memberId);
  // false when the account is already gone: its sessions are deleted all the same.
  await members.change([tenantId, memberId], {
    UpdateExpression: 'SET sessionsNotBefore = :now',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':now': now.toISOString() },
  });
  const deleted = await deleteSessionsOf(tenantId, memberId);
  forgetMemberSessions(tenantId, memberId);
  return deleted;
}

/**
 * After a write that ended every session of an account (its `sessionsNotBefore` moved, in the
 * same transaction as a new password): forgets them in this process and deletes their items.
 */
export async function clearEndedSessions(tenantId: string, memberId: string): Promise<number> {
  forgetMemberSessions(tenantId, memberId);
  const deleted = await deleteSessionsOf(tenantId, memberId);
  forgetMemberSessions(tenantId, memberId);
  return deleted;
}
