import { BatchGetCommand, BatchWriteCommand, DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, Role } from '../context.js';
import { db, tableName, keys, ownedBy } from '../db/index.js';
import { hashSecret, newSecret } from './tokens.js';

export const SESSION_COOKIE = 'sid';
export const SESSION_SECONDS = 30 * 24 * 3600;

/** The cookie is `<memberId>.<secret>`: the id lets one BatchGet read session and member together; only the secret's hash is stored. */
const TOKEN = /^([0-9a-z]{20})\.([A-Za-z0-9_-]{43})$/;

/** A new server-side session: the cookie carries 256 random bits, the table only their hash. */
export async function createSession(tenantId: string, memberId: string, now = new Date()): Promise<string> {
  const secret = newSecret();
  const at = now.toISOString();
  const hash = hashSecret(secret);
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.session(tenantId, hash),
        memberId,
        createdAt: at,
        expiresAt: Math.floor(now.getTime() / 1000) + SESSION_SECONDS,
        ownerKey: keys.ownerKey(tenantId, memberId),
        ownerSort: keys.ownerSort('SESSION', at, hash),
      },
    }),
  );
  return `${memberId}.${secret}`;
}

/**
 * Resolved sessions are kept a few seconds per process, so a burst of requests does not read
 * DynamoDB each time. Ending sessions forgets them here (before and after the writes); another
 * Lambda instance may honour a revoked session for at most CACHE_MS (see docs/architecture.md).
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { actor: Actor; memberId: string; until: number }>();

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
  if (hit && hit.until > Date.now()) return hit.actor;
  const actor = await readSession(tenantId, memberId, secret, now);
  if (actor.kind === 'member') cache.set(cacheKey, { actor, memberId, until: Date.now() + CACHE_MS });
  return actor;
}

/** One BatchGetItem: the session and its member, both strongly consistent. */
async function readSession(tenantId: string, memberId: string, secret: string, now: Date): Promise<Actor> {
  const sessionKey = keys.session(tenantId, hashSecret(secret));
  const memberKey = keys.member(tenantId, memberId);
  const { Responses } = await db().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: [sessionKey, memberKey], ConsistentRead: true } } }),
  );
  const items = Responses?.[tableName()] ?? [];
  const session = items.find((i) => i.pk === sessionKey.pk);
  const member = items.find((i) => i.pk === memberKey.pk && i.sk === memberKey.sk);
  if (!session || !member || member.status !== 'active' || session.memberId !== memberId) return { kind: 'visitor' };
  if ((session.expiresAt as number) <= Math.floor(now.getTime() / 1000)) return { kind: 'visitor' };
  if (member.sessionsNotBefore && String(session.createdAt) < String(member.sessionsNotBefore))
    return { kind: 'visitor' };
  return {
    kind: 'member',
    memberId,
    role: member.role as Role,
    verified: Boolean(member.verifiedAt),
    displayName: member.displayName as string,
  };
}

export async function endSession(tenantId: string, token: string): Promise<void> {
  const match = TOKEN.exec(token);
  if (!match) return;
  const key = keys.session(tenantId, hashSecret(match[2]!));
  cache.delete(`${tenantId}:${hashSecret(match[2]!)}`);
  await db().send(new DeleteCommand({ TableName: tableName(), Key: key }));
  cache.delete(`${tenantId}:${hashSecret(match[2]!)}`);
}

/**
 * Ends every session of a member. The member's `sessionsNotBefore` makes it exact at once (a
 * session older than it is refused), whatever the owner index, which lags, still lists; the
 * session items are then deleted from that index in batches of 25.
 */
export async function endAllSessions(tenantId: string, memberId: string, now = new Date()): Promise<number> {
  forgetMemberSessions(tenantId, memberId);
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.member(tenantId, memberId),
        UpdateExpression: 'SET sessionsNotBefore = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error; // the account is already gone
    });
  const items: Record<string, unknown>[] = [];
  for await (const key of ownedBy(keys.ownerKey(tenantId, memberId), 'SESSION', 'pk, sk')) items.push(key);
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    while (pending.length) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (result.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  }
  forgetMemberSessions(tenantId, memberId);
  return items.length;
}
