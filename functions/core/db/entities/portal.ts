import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../admin/index.js';
import { db, tableName } from '../client.js';
import { defineEntity, type Stored } from '../entity.js';
import { keys } from '../keys.js';
import type { Write } from '../transact.js';

const audit = defineEntity<AuditEntry, [tenantId: string, at: string, id: string]>({ type: 'audit', key: keys.audit });

/** The portal's audit log: one entry per team or admin change, written in the change's own transaction. */
export const auditEntries = {
  ...audit,
  /** The log, newest first, a page at a time. */
  async pageOf(tenantId: string, options: { limit: number; start?: Record<string, unknown> }) {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditPartition(tenantId) },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: options.start,
      }),
    );
    return { items: Items as Stored<AuditEntry>[], last: LastEvaluatedKey };
  },
};

type WindowArgs = [tenantId: string, scope: string, subject: string, windowStart: number];
const windows = defineEntity<{ attempts: number; expiresAt: number }, WindowArgs>({
  type: 'rateWindow',
  key: keys.rateWindow,
});

/** Attempts counted in a fixed window (ADD is atomic; the TTL removes the window after it ends). */
export const rateWindows = {
  ...windows,
  /** Counts one attempt now and says how many the window holds. */
  async count(args: WindowArgs, expiresAt: number): Promise<number> {
    const counted = await windows.changed(args, {
      UpdateExpression: 'ADD attempts :one SET expiresAt = :exp',
      ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt },
    });
    return Number(counted?.attempts ?? 0);
  },
  /** Counts one attempt with a transaction's other writes, which all fail when the window is already full. */
  countWith: (args: WindowArgs, expiresAt: number, max: number): Write =>
    windows.update(args, {
      UpdateExpression: 'ADD attempts :one SET expiresAt = :exp',
      ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :max',
      ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt, ':max': max },
    }),
};
