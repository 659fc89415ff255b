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

/** Which sort keys of the partition a query reads: those starting with `prefix`, from `lo` to `hi`, from `from` on, or before `before`. */
type SortRange = { prefix?: string; between?: [lo: string, hi: string]; from?: string; before?: string };
/** Where a query reads: a partition of the table (`pk`) or of one index, and a range of its sort keys. */
export type Partition = ({ pk: string } | { index: IndexName; key: string }) & SortRange;
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

function sortCondition({ prefix, between, from, before }: SortRange): {
  condition?: string;
  values: Record<string, string>;
} {
  // Placeholder names of their own, so that a filter's `:lo` or `:from` never meets them.
  if (prefix) return { condition: 'begins_with(#sort, :sortPrefix)', values: { ':sortPrefix': prefix } };
  if (between)
    return { condition: '#sort BETWEEN :sortLo AND :sortHi', values: { ':sortLo': between[0], ':sortHi': between[1] } };
  if (from) return { condition: '#sort >= :sortFrom', values: { ':sortFrom': from } };
  if (before) return { condition: '#sort < :sortBefore', values: { ':sortBefore': before } };
  return { values: {} };
}

/** The Query that reads one partition, with its options. */
function queryOf(where: Partition, options: QueryOptions) {
  const { filter } = options;
  const index = 'index' in where ? tableDefinition.indexes.find((i) => i.name === where.index)! : undefined;
  const sort = sortCondition(where);
  const names = {
    '#partition': index ? index.partitionKey.name : 'pk',
    ...(sort.condition ? { '#sort': index ? index.sortKey.name : 'sk' } : {}),
    ...filter?.ExpressionAttributeNames,
    ...options.names,
  };
  return {
    ...(index ? { IndexName: index.name } : {}),
    KeyConditionExpression: sort.condition ? `#partition = :pk AND ${sort.condition}` : '#partition = :pk',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: {
      ':pk': 'index' in where ? where.key : where.pk,
      ...sort.values,
      ...filter?.ExpressionAttributeValues,
    },
    ...(filter ? { FilterExpression: filter.ConditionExpression } : {}),
    ...(options.limit ? { Limit: options.limit } : {}),
    ...(options.descending ? { ScanIndexForward: false } : {}),
    ...(options.consistent ? { ConsistentRead: true } : {}),
    ...(options.projection ? { ProjectionExpression: options.projection } : {}),
  };
}

/**
 * An update can create its item (ADD on a counter, SET on a missing item): it writes the
 * item's type too, in the expression's SET clause (DynamoDB allows one).
 */
function typed(type: EntityType, update: UpdateSpec): UpdateSpec {
  const expression = update.UpdateExpression;
  return {
    ...update,
    UpdateExpression: /\bSET\b/.test(expression)
      ? expression.replace(/\bSET\b/, 'SET #entityType = :entityType,')
      : `SET #entityType = :entityType ${expression}`,
    ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#entityType': 'type' },
    ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':entityType': type },
  };
}

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
    async get(args: Args, options: { consistent?: boolean; projection?: string; names?: Record<string, string> } = {}) {
      const { Item } = await db().send(
        new GetCommand({
          TableName: tableName(),
          Key: key(...args),
          ...(options.consistent ? { ConsistentRead: true } : {}),
          ...(options.projection ? { ProjectionExpression: options.projection } : {}),
          ...(options.names ? { ExpressionAttributeNames: options.names } : {}),
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
        await db().send(new UpdateCommand({ TableName: tableName(), Key: key(...args), ...typed(type, update) }));
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
    update: (args: Args, update: UpdateSpec): Write => ({ Update: { Key: key(...args), ...typed(type, update) } }),
    /** A transaction's check that the item is as `condition` says, writing nothing to it. */
    check: (args: Args, condition: Condition): Write => ({ ConditionCheck: { Key: key(...args), ...condition } }),
    /** A transaction's removal of the item. */
    remove: (args: Args, condition?: Condition): Write => ({ Delete: { Key: key(...args), ...condition } }),
    /** Updates the item now, alone, and returns it as it now is; undefined when its condition did not hold. */
    async changed(args: Args, update: UpdateSpec): Promise<Stored<Item> | undefined> {
      try {
        const { Attributes } = await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key(...args),
            ...typed(type, update),
            ReturnValues: 'ALL_NEW',
          }),
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
