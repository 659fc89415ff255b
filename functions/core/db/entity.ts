import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { entityTypeOf, type EntityType } from './entity-type.js';
import { queryAll } from './query.js';
import { tableDefinition, type IndexName } from './table.js';
import type { Write } from './transact.js';

type Key = { pk: string; sk: string };
/** A condition on the stored item, as DynamoDB takes it. */
export type Condition = {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};
/** What a read returns: the attributes, plus the keys and index attributes it was stored with. */
export type Stored<Item> = Item & Key & { type?: EntityType } & Record<string, unknown>;

/** An update expression, with its names, values and optional condition. */
export type UpdateSpec = { UpdateExpression: string; ConditionExpression?: string } & Omit<
  Partial<Condition>,
  'ConditionExpression'
>;

/** Where a query reads: the table's partition (`pk`, optionally a sort-key prefix) or one index's partition. */
export type Partition = { pk: string; prefix?: string } | { index: IndexName; key: string };
export type QueryOptions = {
  limit?: number;
  start?: Record<string, unknown>;
  /** Highest sort key first (newest, most voted). */
  descending?: boolean;
  consistent?: boolean;
  projection?: string;
  /** Names the projection uses (`#status`). */
  names?: Record<string, string>;
  filter?: Condition;
};

/** The Query that reads one partition, with its options. */
function queryOf(where: Partition, options: QueryOptions) {
  const { filter } = options;
  const onIndex = 'index' in where;
  const names = {
    ...(onIndex ? { '#partition': indexPartition(where.index) } : {}),
    ...filter?.ExpressionAttributeNames,
    ...options.names,
  };
  const prefix = !onIndex && where.prefix;
  return {
    ...(onIndex ? { IndexName: where.index } : {}),
    KeyConditionExpression: onIndex
      ? '#partition = :pk'
      : prefix
        ? 'pk = :pk AND begins_with(sk, :prefix)'
        : 'pk = :pk',
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: {
      ':pk': onIndex ? where.key : where.pk,
      ...(prefix ? { ':prefix': prefix } : {}),
      ...filter?.ExpressionAttributeValues,
    },
    ...(filter ? { FilterExpression: filter.ConditionExpression } : {}),
    ...(options.limit ? { Limit: options.limit } : {}),
    ...(options.descending ? { ScanIndexForward: false } : {}),
    ...(options.consistent ? { ConsistentRead: true } : {}),
    ...(options.projection ? { ProjectionExpression: options.projection } : {}),
  };
}

const indexPartition = (name: IndexName) => tableDefinition.indexes.find((i) => i.name === name)!.partitionKey.name;

export const itemExists: Condition = { ConditionExpression: 'attribute_exists(pk)' };
export const itemAbsent: Condition = { ConditionExpression: 'attribute_not_exists(pk)' };

/**
 * One item type of the single table, declared once: its key (from keys.ts), the index attributes
 * it carries (from its own attributes), and its attributes' type. Every item it writes carries
 * `type`, the name of its key builder, so the stream and queues tell items apart without keys.
 * Access patterns are named functions beside each definition (db/entities/).
 */
export function defineEntity<Item extends object, Args extends unknown[]>(definition: {
  type: EntityType;
  key: (...args: Args) => Key;
  indexes?: (item: Item, ...args: Args) => Record<string, string>;
}) {
  const { type, key, indexes } = definition;
  return {
    type,
    key,
    /** Whether a stored item is one of these (by its `type`, or its keys when written before it). */
    is: (item: Record<string, unknown> | undefined): item is Stored<Item> => entityTypeOf(item) === type,
    /** The index attributes an item carries, from its own attributes (for an update that moves it in its lists). */
    indexesOf: (args: Args, item: Item) => indexes?.(item, ...args) ?? {},
    /** The whole stored item: keys, type, index attributes and attributes. */
    item: (args: Args, item: Item) => ({ ...key(...args), type, ...indexes?.(item, ...args), ...item }),
    async get(args: Args, options: { consistent?: boolean; projection?: string } = {}) {
      const { Item } = await db().send(
        new GetCommand({
          TableName: tableName(),
          Key: key(...args),
          ...(options.consistent ? { ConsistentRead: true } : {}),
          ...(options.projection ? { ProjectionExpression: options.projection } : {}),
        }),
      );
      return Item as Stored<Item> | undefined;
    },
    /** Writes the whole item now, alone. */
    async create(args: Args, item: Item): Promise<void> {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key(...args), type, ...indexes?.(item, ...args), ...item },
        }),
      );
    },
    /** Writes the whole item now only if none is there: false when one was (a second run of a job). */
    async createOnce(args: Args, item: Item): Promise<boolean> {
      try {
        await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...key(...args), type, ...indexes?.(item, ...args), ...item },
            ...itemAbsent,
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
    /** Updates the item now, alone; false when its condition did not hold. */
    async change(args: Args, update: UpdateSpec): Promise<boolean> {
      try {
        await db().send(new UpdateCommand({ TableName: tableName(), Key: key(...args), ...update }));
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
    /** Deletes the item now, alone. */
    async delete(args: Args): Promise<void> {
      await db().send(new DeleteCommand({ TableName: tableName(), Key: key(...args) }));
    },
    /** Deletes the item only if the condition holds, and returns what it was; undefined when it did not hold. */
    async take(args: Args, condition: Condition): Promise<Stored<Item> | undefined> {
      try {
        const { Attributes } = await db().send(
          new DeleteCommand({ TableName: tableName(), Key: key(...args), ...condition, ReturnValues: 'ALL_OLD' }),
        );
        return Attributes as Stored<Item>;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    },
    /** A transaction's write of the whole item (writeAllOrNothing). */
    put: (args: Args, item: Item, condition?: Condition): Write => ({
      Put: { Item: { ...key(...args), type, ...indexes?.(item, ...args), ...item }, ...condition },
    }),
    /** A transaction's update of the item: an update expression, with its names, values and condition. */
    update: (args: Args, update: UpdateSpec): Write => ({ Update: { Key: key(...args), ...update } }),
    /** A transaction's check that the item is as `condition` says, writing nothing to it. */
    check: (args: Args, condition: Condition): Write => ({ ConditionCheck: { Key: key(...args), ...condition } }),
    /** A transaction's removal of the item. */
    remove: (args: Args, condition?: Condition): Write => ({ Delete: { Key: key(...args), ...condition } }),
    /** Updates the item now, alone, and returns it as it now is; undefined when its condition did not hold. */
    async changed(args: Args, update: UpdateSpec): Promise<Stored<Item> | undefined> {
      try {
        const { Attributes } = await db().send(
          new UpdateCommand({ TableName: tableName(), Key: key(...args), ...update, ReturnValues: 'ALL_NEW' }),
        );
        return Attributes as Stored<Item>;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    },
    /** One page of this type's items in a partition of the table or of an index, and where the next page starts. */
    async query(where: Partition, options: QueryOptions = {}) {
      const { Items = [], LastEvaluatedKey } = await db().send(
        new QueryCommand({ TableName: tableName(), ...queryOf(where, options), ExclusiveStartKey: options.start }),
      );
      return { items: Items as Stored<Item>[], last: LastEvaluatedKey };
    },
    /** Every one of this type's items in a partition of the table or of an index, page after page (jobs, fan-out). */
    queryAll: (where: Partition, options: Omit<QueryOptions, 'start' | 'limit'> = {}) =>
      queryAll(queryOf(where, options)) as AsyncGenerator<Stored<Item>>,
  };
}
