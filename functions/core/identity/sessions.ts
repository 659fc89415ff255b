import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, Role } from '../context.js';
import { db, tableName } from '../db/client.js';
import { keys } from '../db/keys.js';
import { ownedBy } from '../db/query.js';
import { hashSecret, newSecret } from './tokens.js';

export const SESSION_COOKIE = 'sid';
export const SESSION_SECONDS = 30 * 24 * 3600;

/** What a request needs to know of its member, kept on the session so that one read resolves it. */
export interface SessionMember {
  id: string;
  role: Role;
  displayName: string;
  verifiedAt?: string;
}

/** A new server-side session: the cookie carries 256 random bits, the table only their hash. */
export async function createSession(tenantId: string, member: SessionMember, now = new Date()): Promise<string> {
  const token = newSecret();
  const at = now.toISOString();
  const hash = hashSecret(token);
  const memberId = member.id;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.session(tenantId, hash),
        memberId,
        role: member.role,
        displayName: member.displayName,
        verified: Boolean(member.verifiedAt),
        createdAt: at,
        expiresAt: Math.floor(now.getTime() / 1000) + SESSION_SECONDS,
        ownerKey: keys.ownerKey(tenantId, memberId),
        ownerSort: keys.ownerSort('SESSION', at, hash),
      },
    }),
  );
  return token;
}

/**
 * Resolved sessions are kept a few seconds per process, so a burst of requests (votes during an
 * event) does not read the session and the member again each time. Ending sessions or changing
 * a member forgets them here at once; another Lambda instance may honour a revoked session for
 * at most CACHE_MS (see docs/architecture.md).
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { actor: Actor; memberId: string; until: number }>();

export function forgetMemberSessions(tenantId: string, memberId: string) {
  for (const [key, entry] of cache) if (entry.memberId === memberId && key.startsWith(`${tenantId}:`)) cache.delete(key);
}

/**
 * The actor behind a session cookie of this tenant: a visitor when the token is unknown,
 * expired (TTL deletion can lag), of another tenant, or its member is gone.
 */
export async function actorFromSession(tenantId: string, token: string | undefined, now = new Date()): Promise<Actor> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'visitor' };
  const cacheKey = `${tenantId}:${hashSecret(token)}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.until > Date.now()) return hit.actor;
  const actor = await readSession(tenantId, token, now);
  if (actor.kind === 'member') cache.set(cacheKey, { actor, memberId: actor.memberId, until: Date.now() + CACHE_MS });
  return actor;
}

/**
 * One GetItem: the session carries the member's role, name and verification, refreshed by
 * `refreshSessions` when they change; a role change or a deletion ends the sessions instead.
 */
async function readSession(tenantId: string, token: string, now: Date): Promise<Actor> {
  const { Item: session } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.session(tenantId, hashSecret(token)) }));
  if (!session || (session.expiresAt as number) <= Math.floor(now.getTime() / 1000)) return { kind: 'visitor' };
  if (session.role) {
    return { kind: 'member', memberId: session.memberId as string, role: session.role as Role, verified: session.verified === true, displayName: session.displayName as string };
  }
  const { Item: member } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.member(tenantId, session.memberId as string) }),
  );
  if (!member || member.status !== 'active') return { kind: 'visitor' };
  return { kind: 'member', memberId: member.id as string, role: member.role as Role, verified: Boolean(member.verifiedAt), displayName: member.displayName as string };
}

export async function endSession(tenantId: string, token: string): Promise<void> {
  cache.delete(`${tenantId}:${hashSecret(token)}`);
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.session(tenantId, hashSecret(token)) }));
}

async function sessionKeysOf(tenantId: string, memberId: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for await (const key of ownedBy(keys.ownerKey(tenantId, memberId), 'SESSION', 'pk, sk')) found.push(key);
  return found;
}

/** The member's name or verification changed: their open sessions carry the new values. */
export async function refreshSessions(tenantId: string, memberId: string, fields: { displayName?: string; verified?: boolean }): Promise<void> {
  forgetMemberSessions(tenantId, memberId);
  const names = Object.keys(fields);
  if (!names.length) return;
  for (const Key of await sessionKeysOf(tenantId, memberId)) {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key,
        UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
        ExpressionAttributeValues: Object.fromEntries(Object.entries(fields).map(([n, v]) => [`:${n}`, v])),
      }),
    ).catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error; // a session that ended meanwhile
    });
  }
}

/** Every session of a member, from the owner index, deleted in batches of 25. */
export async function endAllSessions(tenantId: string, memberId: string): Promise<number> {
  forgetMemberSessions(tenantId, memberId);
  const items = await sessionKeysOf(tenantId, memberId);
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    while (pending.length) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (result.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  }
  const count = items.length;
  return count;
}
