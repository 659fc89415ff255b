import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { config } from '../config.js';

/** Fixed local credentials keep the SDK from searching for real ones; s3rver only accepts its own pair. */
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;

export function db(): DynamoDBDocumentClient {
  if (!documentClient) {
    const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
    const base = new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT, credentials: localCredentials } : {}),
    });
    documentClient = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return documentClient;
}

export function s3(): S3Client {
  if (!s3Client) {
    const { AWS_REGION, S3_ENDPOINT } = config();
    s3Client = new S3Client({
      region: AWS_REGION,
      // s3rver stores streamed bodies corrupted when the SDK adds its default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      ...(S3_ENDPOINT ? { endpoint: S3_ENDPOINT, forcePathStyle: true, credentials: s3rverCredentials } : {}),
    });
  }
  return s3Client;
}

export const tableName = () => config().TABLE_NAME;
export const bucketName = () => config().BUCKET_NAME;
/** An object of the bucket as CopyObject names its source: `bucket/key`, each segment URL-encoded. */
export const copySource = (key: string) => `${bucketName()}/${key.split('/').map(encodeURIComponent).join('/')}`;
