import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { keys } from './keys.js';

const BATCH = 100;

/** Items by key with BatchGetItem, 100 keys a call, asking again for what DynamoDB left unprocessed. */
export async function batchGet(
  keyList: { pk: string; sk: string }[],
  attributes?: string[],
  options: { consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const projection = attributes && {
    ProjectionExpression: attributes.map((_, i) => `#p${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#p${i}`, name])),
  };
  for (let i = 0; i < keyList.length; i += BATCH) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: {
        Keys: keyList.slice(i, i + BATCH),
        ...projection,
        ...(options.consistent ? { ConsistentRead: true } : {}),
      },
    };
    for (let round = 0; request && Object.keys(request).length; round++) {
      if (round) await new Promise((resolve) => setTimeout(resolve, 50 * round));
      const result = await db().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[tableName()] ?? []));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** The faces (keys.face) of the members who chose a photo, by id: one BatchGetItem per 100 members. */
export async function memberFaces(tenantId: string, memberIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)];
  const items = await batchGet(
    ids.map((id) => keys.member(tenantId, id)),
    ['id', 'photo'],
  );
  return new Map(
    items.filter((item) => typeof item.photo === 'string').map((item) => [String(item.id), String(item.photo)]),
  );
}

/** Deletes items by key with BatchWriteItem, 25 a call, sending again what DynamoDB left unprocessed. */
export async function batchDelete(keyList: { pk: string; sk: string }[]): Promise<void> {
  for (let i = 0; i < keyList.length; i += 25) {
    let pending = keyList.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    while (pending.length) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (result.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  }
}

/** Display names of members of a portal by id; a deleted account has none. */
export async function memberNames(tenantId: string, memberIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)];
  const items = await batchGet(
    ids.map((id) => keys.member(tenantId, id)),
    ['id', 'displayName'],
  );
  return new Map(items.map((item) => [String(item.id), String(item.displayName ?? '')]));
}
