import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table, described once. The CDK stack (infra/data.ts), the local bootstrap and the
 * test harness all build the table from this object. docs/data-model.md maps every access
 * pattern to these keys and indexes.
 */
type KeyType = 'S' | 'N';
interface Key {
  name: string;
  type: KeyType;
}
interface Index {
  name: string;
  partitionKey: Key;
  sortKey: Key;
}

const S = (name: string): Key => ({ name, type: 'S' });
const N = (name: string): Key => ({ name, type: 'N' });

export const tableDefinition = {
  partitionKey: S('pk'),
  sortKey: S('sk'),
  /** Sessions, rate-limit windows and tokens expire through DynamoDB TTL. */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    // Ideas of a section, one index per sort order; sparse: only idea items carry sectionKey.
    { name: 'bySectionTop', partitionKey: S('sectionKey'), sortKey: N('topScore') },
    { name: 'bySectionNew', partitionKey: S('sectionKey'), sortKey: S('createdAt') },
    { name: 'bySectionTrend', partitionKey: S('sectionKey'), sortKey: N('trendScore') },
    { name: 'bySectionDiscussed', partitionKey: S('sectionKey'), sortKey: N('commentCount') },
    { name: 'bySectionUpdated', partitionKey: S('sectionKey'), sortKey: S('updatedAt') },
    // What one member (or partner organisation) owns: ideas, votes, comments, follows, notifications, offers.
    { name: 'byOwner', partitionKey: S('ownerKey'), sortKey: S('ownerSort') },
    // Tenant-wide lists by time: ideas by status, audit log, offers, requests, threads, challenges.
    { name: 'byList', partitionKey: S('listKey'), sortKey: S('listSort') },
    // Work queues: moderation, flags, assigned to a member; items leave the queue by dropping queueKey.
    { name: 'byQueue', partitionKey: S('queueKey'), sortKey: S('queueSort') },
  ] satisfies Index[],
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];

/** The CreateTable request for DynamoDB Local and tests (on-demand, like the CDK table). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, indexes } = tableDefinition;
  const attributes = new Map<string, KeyType>();
  for (const key of [partitionKey, sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
    attributes.set(key.name, key.type);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
