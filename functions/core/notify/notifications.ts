import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { requireMember, type Ctx } from '../context.js';
import { decodeCursor, encodeCursor, db, tableName, keys, writeAllOrNothing } from '../db/index.js';
import { newId } from '../ids.js';
import { fn } from '../fn.js';

export type NotificationKind = 'comment' | 'reply' | 'status' | 'offer_match' | 'thread_message';

export interface Notification {
  id: string;
  kind: NotificationKind;
  /** Idea notifications name the idea; offer ones the offer (and the saved search or thread). */
  ideaId?: string;
  ideaTitle?: string;
  offerId?: string;
  offerTitle?: string;
  searchName?: string;
  threadId?: string;
  actorName?: string;
  status?: string;
  read: boolean;
  createdAt: string;
}

/** Newest first within unread, then within read: the sort key inverts the time. */
const inverted = (at: string) => String(9_999_999_999_999 - new Date(at).getTime()).padStart(13, '0');
const sortKey = (read: boolean, at: string, id: string) => keys.notificationSort(read, inverted(at), id);

/**
 * Writes one notification and counts it unread, together. With a dedupe key (the stream event
 * and the recipient), a redelivered event writes nothing the second time: returns undefined.
 */
export async function createNotification(
  tenantId: string,
  memberId: string,
  n: Omit<Notification, 'id' | 'read'>,
  dedupeKey?: string,
): Promise<Notification | undefined> {
  const id = dedupeKey ? createHash('sha256').update(dedupeKey).digest('hex').slice(0, 20) : newId();
  const notification: Notification = { ...n, id, read: false };
  const written = await writeAllOrNothing([
    {
      Put: {
        ConditionExpression: 'attribute_not_exists(pk)',
        Item: {
          ...keys.notification(tenantId, memberId, n.createdAt, id),
          ...notification,
          ownerKey: keys.ownerKey(tenantId, memberId),
          ownerSort: sortKey(false, n.createdAt, id),
        },
      },
    },
    {
      Update: {
        Key: keys.unreadCounter(tenantId, memberId),
        UpdateExpression: 'ADD unread :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
  return written.ok ? notification : undefined;
}

export const ListNotifications = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The signed-in member's notifications, unread first, newest first. */
export const listNotifications = fn(requireMember, ListNotifications, async (ctx, { cursor, limit }, member) => {
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'byOwner',
      KeyConditionExpression: 'ownerKey = :o AND begins_with(ownerSort, :n)',
      ExpressionAttributeValues: { ':o': keys.ownerKey(ctx.tenant.id, member.memberId), ':n': 'NOTIF#' },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(ctx.tenant.id, `notifications:${member.memberId}`, cursor),
    }),
  );
  const items = Items.map(
    ({ id, kind, ideaId, ideaTitle, offerId, offerTitle, searchName, threadId, actorName, status, read, createdAt }) =>
      ({
        id,
        kind,
        ideaId,
        ideaTitle,
        offerId,
        offerTitle,
        searchName,
        threadId,
        actorName,
        status,
        read,
        createdAt,
      }) as Notification,
  );
  return { items, cursor: encodeCursor(ctx.tenant.id, `notifications:${member.memberId}`, LastEvaluatedKey) };
});

/** The number shown in the header: one GetItem on the member's counter. */
export async function unreadCount(ctx: Ctx): Promise<number> {
  if (ctx.actor.kind !== 'member') return 0;
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.unreadCounter(ctx.tenant.id, ctx.actor.memberId) }),
  );
  return Math.max(0, (Item?.unread as number | undefined) ?? 0);
}

export const MarkRead = z.object({
  ids: z
    .array(z.string().regex(/^[0-9a-z]{20}$/))
    .max(100)
    .optional(),
});

/** Marks some (or all unread) notifications read; each moves behind the unread ones and the counter drops with it. */
export const markRead = fn(requireMember, MarkRead, async (ctx, { ids }, member): Promise<number> => {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'byOwner',
      KeyConditionExpression: 'ownerKey = :o AND begins_with(ownerSort, :n)',
      ExpressionAttributeValues: { ':o': keys.ownerKey(ctx.tenant.id, member.memberId), ':n': 'NOTIF#0#' },
    }),
  );
  let marked = 0;
  for (const item of Items.filter((i) => !ids || ids.includes(i.id as string))) {
    const written = await writeAllOrNothing([
      {
        Update: {
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET #read = :t, ownerSort = :s',
          ConditionExpression: '#read = :f',
          ExpressionAttributeNames: { '#read': 'read' },
          ExpressionAttributeValues: {
            ':t': true,
            ':f': false,
            ':s': sortKey(true, item.createdAt as string, item.id as string),
          },
        },
      },
      {
        Update: {
          Key: keys.unreadCounter(ctx.tenant.id, member.memberId),
          UpdateExpression: 'ADD unread :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        },
      },
    ]);
    if (written.ok) marked++;
  }
  return marked;
});
