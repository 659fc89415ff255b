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

  async function poll() {
    for (const [shardId, iterator] of iterators) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator }),
      );
      if (Records.length) {
        const changes = Records.map((r) => changeFromStreamRecord(r as Parameters<typeof changeFromStreamRecord>[0]));
        await onTableChanges(changes);
      }
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
