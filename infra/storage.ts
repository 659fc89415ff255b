import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Keys the bucket forgets after a day (core/db/keys.ts: incomingUpload, exportObject). */
export const TRANSIENT_PREFIXES = ['incoming/', 'exports/'];

/**
 * Uploads: tenants' files under tenants/<tenantId>/, and the transient prefixes; private,
 * encrypted, TLS only; browsers POST to it with presigned forms and read it by signed links.
 */
export function createUploadsBucket(scope: Construct, allowedOrigins: string[], logs: Bucket): Bucket {
  return new Bucket(scope, 'Uploads', {
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 'uploads/',
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
    cors: [
      { allowedMethods: [HttpMethods.POST, HttpMethods.GET], allowedOrigins, allowedHeaders: ['*'], maxAge: 3000 },
    ],
    lifecycleRules: [
      { abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(30) },
      // What browsers post before it is checked, and exports waiting for their download: a day, then gone.
      ...TRANSIENT_PREFIXES.map((prefix) => ({
        prefix,
        expiration: Duration.days(1),
        noncurrentVersionExpiration: Duration.days(1),
      })),
    ],
  });
}

/** The SvelteKit client build (/_app/*), read only by CloudFront. */
export function createStaticBucket(scope: Construct, logs: Bucket): Bucket {
  return new Bucket(scope, 'Static', {
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 'static/',
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });
}

/**
 * Access logs of the buckets and of CloudFront (which writes them with ACLs, hence bucket-owner
 * preferred ownership), kept 90 days.
 */
export function createLogsBucket(scope: Construct): Bucket {
  return new Bucket(scope, 'AccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ expiration: Duration.days(90) }],
  });
}
