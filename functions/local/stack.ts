import { join } from 'node:path';
import { ensureTable } from './bootstrap.js';
import { startDynamo, type LocalDynamo } from './dynamo.js';
import { freePort } from './ports.js';
import { startS3, type LocalS3 } from './s3.js';

export interface LocalStack {
  dynamo: LocalDynamo;
  s3: LocalS3;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local and the S3 emulator on free loopback ports, with the table created from the
 * shared definition. With dataDir, data persists there; without, DynamoDB is in memory.
 * Sets the endpoints in process.env, where core/config.ts reads them.
 */
export async function startLocalStack(options: { dataDir?: string; s3Dir: string }): Promise<LocalStack> {
  const bucket = process.env.BUCKET_NAME ?? 'portal-uploads';
  const [dynamoPort, s3Port] = [await freePort(), await freePort()];
  const [dynamo, s3] = await Promise.all([
    startDynamo({ port: dynamoPort, dataDir: options.dataDir && join(options.dataDir, 'dynamodb') }),
    startS3({ port: s3Port, dataDir: options.s3Dir, bucket }),
  ]);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.BUCKET_NAME = bucket;
  await ensureTable();
  return { dynamo, s3, stop: async () => void (await Promise.all([dynamo.stop(), s3.stop()])) };
}
