import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as SdkRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { randomUUID } from 'node:crypto';
import type { LambdaError, LambdaService } from './lambda.js';
import { PAYLOAD_LIMIT_BYTES } from './lambda.js';
import { REGION, type LocalResources } from './resources.js';
import type { Synthesized } from './synth.js';

/** A DynamoDB stream record as Lambda puts it in the event: JSON, binary values base64, times in epoch seconds. */
export interface LambdaStreamRecord {
  eventID: string;
  eventName: string;
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: Record<string, unknown> & { SequenceNumber: string; ApproximateCreationDateTime: number };
  eventSourceARN: string;
  userIdentity?: unknown;
}

/** What Lambda sends the on-failure destination (an SQS message body) for a batch it gives up on. */
export interface FailureRecord {
  requestContext: { requestId: string; functionArn: string; condition: string; approximateInvokeCount: number };
  responseContext: { statusCode: number; executedVersion: string; functionError: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
}

/** One invocation the mapping made, for the test's assertions. */
export type BatchInvocation = { sequenceNumbers: string[] } & BatchOutcome;

interface MappingSettings {
  functionId: string;
  batchSize: number;
  bisect: boolean;
  /** -1: until the record expires. */
  maximumRetryAttempts: number;
  reportBatchItemFailures: boolean;
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  destination?: string;
}

/** Reads the template's event source mapping for the table's stream (refusing settings this harness does not model). */
export function streamMappingOf(synth: Synthesized, local: LocalResources): MappingSettings {
  const mappings = Object.values(synth.resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
  if (mappings.length !== 1) throw new Error(`Expected one event source mapping, found ${mappings.length}`);
  const p = mappings[0]!.Properties as Record<string, unknown>;
  if (local.resolve(p.EventSourceArn) !== local.streamArn) throw new Error('The mapping reads another stream');
  for (const unmodelled of ['FilterCriteria', 'TumblingWindowInSeconds', 'MaximumBatchingWindowInSeconds'])
    if (p[unmodelled] !== undefined) throw new Error(`${unmodelled} is not modelled by the stream harness`);
  if ((p.ParallelizationFactor ?? 1) !== 1) throw new Error('ParallelizationFactor is not modelled');
  const responseTypes = (p.FunctionResponseTypes as string[] | undefined) ?? [];
  const destination = (p.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)?.OnFailure
    ?.Destination;
  return {
    functionId: (p.FunctionName as { Ref: string }).Ref,
    batchSize: Number(p.BatchSize ?? 100),
    bisect: p.BisectBatchOnFunctionError === true,
    maximumRetryAttempts: Number(p.MaximumRetryAttempts ?? -1),
    reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
    startingPosition: p.StartingPosition as 'TRIM_HORIZON' | 'LATEST',
    destination: destination === undefined ? undefined : local.resolve(destination),
  };
}

/** AttributeValues as they travel in a Lambda event: binary as base64 strings. */
function jsonAttributes(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonAttributes);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonAttributes(v)]));
  return value;
}

function lambdaRecord(record: SdkRecord, streamArn: string): LambdaStreamRecord {
  const d = record.dynamodb!;
  return {
    eventID: record.eventID!,
    eventName: record.eventName!,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: REGION,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor((d.ApproximateCreationDateTime ?? new Date()).getTime() / 1000),
      Keys: jsonAttributes(d.Keys),
      ...(d.NewImage ? { NewImage: jsonAttributes(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: jsonAttributes(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber!,
      SizeBytes: d.SizeBytes!,
      StreamViewType: d.StreamViewType!,
    },
    eventSourceARN: streamArn,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
  };
}

/** How Lambda reads one invocation of a batch; `partial` names the lowest record reported failed. */
export type BatchOutcome =
  | { outcome: 'success' }
  | { outcome: 'error'; error?: LambdaError; reported?: string[] }
  | { outcome: 'partial'; firstFailed: number; reported: string[] };

/**
 * The outcome of an invocation: an error, or else, only where the mapping enables
 * ReportBatchItemFailures, the `batchItemFailures` of the result. An empty, missing or unknown
 * identifier makes the whole batch a failure; an empty list, a null result or no list, a success.
 */
export function outcomeOf(
  invocation: { error?: LambdaError; payload?: string },
  sequenceNumbers: string[],
  reportBatchItemFailures: boolean,
): BatchOutcome {
  if (invocation.error) return { outcome: 'error', error: invocation.error };
  const result = JSON.parse(invocation.payload ?? 'null') as {
    batchItemFailures?: { itemIdentifier?: unknown }[];
  } | null;
  const failures = reportBatchItemFailures ? (result?.batchItemFailures ?? []) : [];
  if (!failures.length) return { outcome: 'success' };
  const reported = failures.map((f) => f.itemIdentifier);
  const indexes = reported.map((id) => (typeof id === 'string' && id ? sequenceNumbers.indexOf(id) : -1));
  if (indexes.some((i) => i < 0)) return { outcome: 'error', reported: reported.map(String) };
  return { outcome: 'partial', firstFailed: Math.min(...indexes), reported: reported as string[] };
}

/**
 * Lambda's error handling for one batch of a shard, in order. A failed invocation splits the batch
 * in two when BisectBatchOnFunctionError is set (a split does not use up retries), else retries it;
 * a partial failure checkpoints before the lowest failed record and retries from it. A batch still
 * failing after MaximumRetryAttempts retries (-1: no limit) is given up: returned, with how many
 * times it was invoked, for the on-failure destination.
 */
export async function deliverBatch<R>(
  records: R[],
  settings: { bisect: boolean; maximumRetryAttempts: number },
  invoke: (records: R[]) => Promise<BatchOutcome>,
): Promise<{ records: R[]; invokes: number; error?: LambdaError }[]> {
  const { bisect, maximumRetryAttempts: max } = settings;
  const discarded: { records: R[]; invokes: number; error?: LambdaError }[] = [];
  const pending: { records: R[]; retries: number; invokes: number }[] = [{ records, retries: 0, invokes: 0 }];
  while (pending.length) {
    const batch = pending.shift()!;
    const result = await invoke(batch.records);
    batch.invokes++;
    if (result.outcome === 'success') continue;
    const canRetry = max < 0 || batch.retries < max;
    if (result.outcome === 'partial') {
      const rest = batch.records.slice(result.firstFailed);
      if (canRetry) pending.unshift({ records: rest, retries: batch.retries + 1, invokes: batch.invokes });
      else discarded.push({ records: rest, invokes: batch.invokes });
    } else if (bisect && batch.records.length > 1) {
      const half = Math.ceil(batch.records.length / 2);
      pending.unshift(
        { records: batch.records.slice(0, half), retries: batch.retries, invokes: 0 },
        { records: batch.records.slice(half), retries: batch.retries, invokes: 0 },
      );
    } else if (canRetry) pending.unshift({ ...batch, retries: batch.retries + 1 });
    else discarded.push({ records: batch.records, invokes: batch.invokes, error: result.error });
  }
  return discarded;
}

/**
 * Lambda's event source mapping for a DynamoDB stream, as AWS documents it, over DynamoDB Local's
 * stream of the tier's table: each shard read in order from the starting position, batches of up to
 * BatchSize records (and within the 6 MB payload quota) sent to the function one at a time, failures
 * handled by `deliverBatch`, and what it gives up described to the on-failure destination as the
 * SQS message Lambda would send.
 */
export class StreamMapping {
  /** The on-failure destination's messages (the SQS queue, in AWS). */
  readonly destination: FailureRecord[] = [];
  readonly invocations: BatchInvocation[] = [];
  private client: DynamoDBStreamsClient;
  private iterators = new Map<string, string | undefined>();
  private running = false;
  private loop?: Promise<void>;
  private rounds = 0;
  private quietRounds = 0;
  private paused = false;
  private seen = new Map<string, LambdaStreamRecord>();
  private lastRead = new Map<string, string>();

  constructor(
    private lambda: LambdaService,
    readonly settings: MappingSettings,
    private streamArn: string,
  ) {
    this.client = new DynamoDBStreamsClient({
      endpoint: process.env.DYNAMODB_ENDPOINT,
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  start(intervalMs = 100) {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        if (this.paused) {
          await new Promise((r) => setTimeout(r, intervalMs));
          continue;
        }
        const read = await this.round().catch((error: Error) => {
          console.error('stream mapping:', error.message);
          return 1;
        });
        this.rounds++;
        this.quietRounds = read ? 0 : this.quietRounds + 1;
        if (!read) await new Promise((r) => setTimeout(r, intervalMs));
      }
    })();
  }

  async stop() {
    this.running = false;
    await this.loop;
    this.client.destroy();
  }

  /**
   * Holds the mapping's reading, as when it is behind: what is written meanwhile waits in the
   * stream and arrives in the same batches once it resumes.
   */
  pause() {
    this.paused = true;
  }

  resume() {
    this.paused = false;
  }

  /** A record the mapping has read, by sequence number. */
  record(sequenceNumber: string): LambdaStreamRecord | undefined {
    return this.seen.get(sequenceNumber);
  }

  /** Resolves once every record written before the call has been handled: two full rounds read nothing new. */
  async caughtUp(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    const from = this.rounds;
    while (!(this.rounds >= from + 2 && this.quietRounds >= 2)) {
      if (Date.now() > deadline) throw new Error('The stream mapping did not catch up');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** One pass over the shards; returns how many records it read. */
  private async round(): Promise<number> {
    const { StreamDescription } = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (this.iterators.has(shard.ShardId!)) continue;
      // A shard found after the first is new: read from its start. A parent is read to its end first (order below).
      const type = this.rounds === 0 ? this.settings.startingPosition : 'TRIM_HORIZON';
      const { ShardIterator } = await this.client.send(
        new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.ShardId!, ShardIteratorType: type }),
      );
      this.iterators.set(shard.ShardId!, ShardIterator);
    }
    let read = 0;
    for (const [shardId, iterator] of this.iterators) {
      if (!iterator) continue;
      let page;
      try {
        page = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        // DynamoDB Local refuses an iterator taken on a then empty shard once another table (the
        // other tests' one) has used the next sequence number: read on from the last record handled.
        if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
        const after = this.lastRead.get(shardId);
        const { ShardIterator } = await this.client.send(
          new GetShardIteratorCommand({
            StreamArn: this.streamArn,
            ShardId: shardId,
            ...(after
              ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
              : { ShardIteratorType: 'TRIM_HORIZON' }),
          }),
        );
        this.iterators.set(shardId, ShardIterator);
        read++; // not a quiet round: the records behind the refused iterator are still to come
        continue;
      }
      const { Records = [], NextShardIterator } = page;
      this.iterators.set(shardId, NextShardIterator);
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) this.lastRead.set(shardId, last);
      read += Records.length;
      const records = Records.map((r) => lambdaRecord(r, this.streamArn));
      for (const record of records) this.seen.set(record.dynamodb.SequenceNumber, record);
      for (const batch of this.batches(records)) await this.deliver(shardId, batch);
    }
    return read;
  }

  /** Consecutive records, at most BatchSize, and at most the payload quota once in the event. */
  private *batches(records: LambdaStreamRecord[]): Generator<LambdaStreamRecord[]> {
    let batch: LambdaStreamRecord[] = [];
    let bytes = 20;
    for (const record of records) {
      const size = Buffer.byteLength(JSON.stringify(record)) + 1;
      if (batch.length && (batch.length >= this.settings.batchSize || bytes + size > PAYLOAD_LIMIT_BYTES)) {
        yield batch;
        [batch, bytes] = [[], 20];
      }
      batch.push(record);
      bytes += size;
    }
    if (batch.length) yield batch;
  }

  private async deliver(shardId: string, records: LambdaStreamRecord[]) {
    const discarded = await deliverBatch(records, this.settings, (batch) => this.invoke(batch));
    for (const batch of discarded) this.discard(shardId, batch.records, batch.invokes, batch.error);
  }

  private async invoke(records: LambdaStreamRecord[]): Promise<BatchOutcome> {
    const sequenceNumbers = records.map((r) => r.dynamodb.SequenceNumber);
    const invocation = await this.lambda.invoke(this.settings.functionId, { Records: records });
    const outcome = outcomeOf(invocation, sequenceNumbers, this.settings.reportBatchItemFailures);
    this.invocations.push({ sequenceNumbers, ...outcome });
    return outcome;
  }

  private discard(shardId: string, records: LambdaStreamRecord[], invokes: number, error?: LambdaError) {
    const arrival = (r: LambdaStreamRecord) => new Date(r.dynamodb.ApproximateCreationDateTime * 1000).toISOString();
    this.destination.push({
      requestContext: {
        requestId: randomUUID(),
        functionArn: `arn:aws:lambda:${REGION}:123456789012:function:${this.settings.functionId}`,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: invokes,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: error ? 'Unhandled' : '' },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: records[0]!.dynamodb.SequenceNumber,
        endSequenceNumber: records.at(-1)!.dynamodb.SequenceNumber,
        approximateArrivalOfFirstRecord: arrival(records[0]!),
        approximateArrivalOfLastRecord: arrival(records.at(-1)!),
        batchSize: records.length,
        streamArn: this.streamArn,
      },
    });
  }
}
