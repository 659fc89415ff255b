import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../../notify/index.js';
import { db, tableName } from '../client.js';
import { defineEntity, type Stored } from '../entity.js';
import { keys } from '../keys.js';
import { queryAll } from '../query.js';
import type { Write } from '../transact.js';

type Args = [tenantId: string, memberId: string, createdAt: string, id: string];

/** Newest first within unread, then within read: the owner-index sort key inverts the time. */
const inverted = (at: string) => String(9_999_999_999_999 - new Date(at).getTime()).padStart(13, '0');
const ownerSort = (read: boolean, at: string, id: string) => keys.notificationSort(read, inverted(at), id);

const entity = defineEntity<Notification, Args>({
  type: 'notification',
  key: keys.notification,
  indexes: (notification, tenantId, memberId, createdAt, id) => ({
    ownerKey: keys.ownerKey(tenantId, memberId),
    ownerSort: ownerSort(notification.read, createdAt, id),
  }),
});

const UNREAD = 'NOTIF#0#';

export const notifications = {
  ...entity,
  /** A member's notifications, unread first and newest first, a page at a time. */
  async pageOf(tenantId: string, memberId: string, options: { limit: number; start?: Record<string, unknown> }) {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byOwner',
        KeyConditionExpression: 'ownerKey = :o AND begins_with(ownerSort, :n)',
        ExpressionAttributeValues: { ':o': keys.ownerKey(tenantId, memberId), ':n': 'NOTIF#' },
        Limit: options.limit,
        ExclusiveStartKey: options.start,
      }),
    );
    return { items: Items as Stored<Notification>[], last: LastEvaluatedKey };
  },
  /** Every unread notification of a member. */
  unreadOf: (tenantId: string, memberId: string) =>
    queryAll({
      IndexName: 'byOwner',
      KeyConditionExpression: 'ownerKey = :o AND begins_with(ownerSort, :n)',
      ExpressionAttributeValues: { ':o': keys.ownerKey(tenantId, memberId), ':n': UNREAD },
    }) as AsyncGenerator<Stored<Notification>>,
  /** Marks one read, only if it still is unread: it moves behind the unread ones. */
  markRead: (tenantId: string, memberId: string, n: Pick<Notification, 'createdAt' | 'id'>): Write =>
    entity.update([tenantId, memberId, n.createdAt, n.id], {
      UpdateExpression: 'SET #read = :t, ownerSort = :s',
      ConditionExpression: '#read = :f',
      ExpressionAttributeNames: { '#read': 'read' },
      ExpressionAttributeValues: { ':t': true, ':f': false, ':s': ownerSort(true, n.createdAt, n.id) },
    }),
};

/** A member's number of unread notifications, moved with every notification written or read. */
const counters = defineEntity<{ unread: number }, [tenantId: string, memberId: string]>({
  type: 'unreadCounter',
  key: keys.unreadCounter,
});

export const unreadCounters = {
  ...counters,
  add: (tenantId: string, memberId: string, delta: number): Write =>
    counters.update([tenantId, memberId], {
      UpdateExpression: 'ADD unread :d',
      ExpressionAttributeValues: { ':d': delta },
    }),
};

/** That a member's weekly digest of one ISO week was sent (kept 60 days): a second run sends nothing. */
export const digestMarkers = defineEntity<
  { sentAt: string; expiresAt: number },
  [tenantId: string, memberId: string, week: string]
>({
  type: 'digestMarker',
  key: keys.digestMarker,
});
