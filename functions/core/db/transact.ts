import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type WithoutTable<T> = T extends { TableName?: unknown } ? Omit<T, 'TableName'> : T;
export type Write = { [K in keyof TransactItem]?: WithoutTable<NonNullable<TransactItem[K]>> };

export type TransactResult = { ok: true } | { ok: false; failed: boolean[] };

const CONFLICT_ATTEMPTS = 6;

/**
 * Writes all the items in one transaction, or none. When a condition fails, nothing is
 * written and `failed[i]` tells which item's condition it was, for the caller to name the error.
 * A transaction cancelled only because another one touched the same items at the same moment
 * (a hot idea) is retried after a short random pause.
 */
export async function writeAllOrNothing(writes: Write[]): Promise<TransactResult> {
  const TransactItems = writes.map((write) =>
    Object.fromEntries(Object.entries(write).map(([op, body]) => [op, { TableName: tableName(), ...body }])),
  ) as TransactItem[];
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems }));
      return { ok: true };
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      const failed = writes.map((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
      if (failed.some(Boolean)) return { ok: false, failed };
      if (attempt === CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
