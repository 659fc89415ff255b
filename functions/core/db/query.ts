import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';

/** Every item a Query matches, page after page (jobs, exports, fan-out; request paths page with cursors instead). */
export async function* queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** What one owner owns of one kind (a member's ideas, votes, sessions...), from the owner index. */
export function ownedBy(ownerKey: string, kind: string, projection?: string) {
  return queryAll({
    IndexName: 'byOwner',
    KeyConditionExpression: 'ownerKey = :o AND begins_with(ownerSort, :k)',
    ExpressionAttributeValues: { ':o': ownerKey, ':k': `${kind}#` },
    ...(projection ? { ProjectionExpression: projection } : {}),
  });
}

/** The named fields of a stored item (present ones only): what leaves the core, never its keys or index attributes. */
export function picked<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  return Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T;
}
