import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { config } from '../core/config.js';
import { db, tableName } from '../core/db/index.js';
import { changeFromStreamRecord, onTableChanges } from '../core/stream/index.js';

/**
 * Locally, the table's stream is read from DynamoDB Local and handed to the same fan-out the
 * stream Lambda runs in AWS. Shards found at start are read from their latest record, shards
 * opened later from their first.
 */
export async function startStreamPoller(options: { intervalMs?: number } = {}): Promise<{ stop(): Promise<void> }> {
  const interval = options.intervalMs ?? 200;
  const { Table } = await db().send(new DescribeTableCommand({ TableName: tableName() }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error('The table has no stream');
  const streams = new DynamoDBStreamsClient({
    endpoint: config().DYNAMODB_ENDPOINT,
    region: config().AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string>();
  const known = new Set<string>();
  /** The last record handed on, per shard: where reading starts again with a new iterator. */
  const lastRead = new Map<string, string>();
  // DynamoDB Local gives a record's creation time to the minute: records of the poller's first minute count as new.
  const startedAt = Math.floor(Date.now() / 60_000) * 60;
  let running = true;
  let firstScan = true;

  async function discoverShards() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || known.has(shard.ShardId)) continue;
      known.add(shard.ShardId);
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: firstScan ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      if (ShardIterator) iterators.set(shard.ShardId, ShardIterator);
    }
    firstScan = false;
  }

  /**
   * A new iterator for a shard whose iterator no longer reads: after the last record handed on, or
   * from the shard's start when none was (records older than the poller are then skipped below).
   */
  async function reopen(shardId: string) {
    const after = lastRead.get(shardId);
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (ShardIterator) iterators.set(shardId, ShardIterator);
  }

  async function poll() {
    for (const [shardId, iterator] of iterators) {
      let read;
      try {
        read = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      } catch (error) {
        // An iterator expires after 15 minutes (a machine that slept); and DynamoDB Local refuses an
        // iterator taken on a then empty shard once another table's stream has used the next
        // sequence number (a test tier's own table). Reading goes on from where it was.
        const name = (error as Error).name;
        if (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException') throw error;
        await reopen(shardId);
        continue;
      }
      const { Records = [], NextShardIterator } = read;
      const fresh = lastRead.has(shardId)
        ? Records
        : Records.filter((r) => (r.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Infinity) / 1000 >= startedAt);
      if (fresh.length) {
        const changes = fresh.map((r) => changeFromStreamRecord(r as Parameters<typeof changeFromStreamRecord>[0]));
        await onTableChanges(changes);
      }
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) lastRead.set(shardId, last);
      if (NextShardIterator) iterators.set(shardId, NextShardIterator);
      else iterators.delete(shardId);
    }
  }

  await discoverShards();
  const loop = (async () => {
    let rounds = 0;
    while (running) {
      try {
        if (rounds++ % 10 === 0) await discoverShards();
        await poll();
      } catch (error) {
        if (running) console.error('stream poller:', (error as Error).message);
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      streams.destroy();
    },
  };
}
