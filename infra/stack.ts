import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule as EventSchedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as Lambda } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { createTable } from './data.js';
import { platformCertificateArn } from './certificates.js';
import { allowCustomDomains, createDistribution, createPlatformEdge } from './edge.js';
import { createHandler, createOrigin } from './functions.js';
import { createOperations } from './operations.js';
import { createLogsBucket, createStaticBucket, createUploadsBucket, TRANSIENT_PREFIXES } from './storage.js';
import { acknowledgeFindings } from './acknowledged.js';
import type { JobName } from '../functions/handlers/schedule.js';

export interface PortalStackProps extends StackProps {
  /** Apex domain of the platform: portals live at {slug}.{platformDomain}. */
  platformDomain: string;
  /** Path of the SvelteKit client build (web/build/client). */
  clientAssets: string;
  /** ACM (us-east-1) certificate for *.{platformDomain} and the apex; see infra/certificates.ts for the fallbacks. */
  platformCertificateArn?: string;
  /** Bump to rotate the secret CloudFront sends origins; the previous one stays valid for one deployment. */
  originSecretGeneration?: number;
  /** Where the operator's alarms are mailed (an SNS e-mail subscription to confirm once). */
  alarmEmail?: string;
  /** The edge's WAF web ACL (infra/waf.ts, in us-east-1). */
  webAclArn?: string;
}

/**
 * The objects of the uploads bucket, every one under `tenants/<tenantId>/` or a transient prefix
 * (keys from core/db/keys.ts): read, write, delete, and list them (without listing S3 answers
 * 403, not 404, for a missing key). Signed links and posts act with these rights.
 */
function grantTenantFiles(bucket: Bucket, fn: Lambda) {
  const prefixes = ['tenants/', ...TRANSIENT_PREFIXES].map((prefix) => `${prefix}*`);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: prefixes.map((prefix) => bucket.arnForObjects(prefix)),
    }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes } },
    }),
  );
}

/** The whole portal: one table, two buckets, the API and web functions, one CloudFront distribution. */
export class PortalStack extends Stack {
  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const table = createTable(this);
    const logs = createLogsBucket(this);
    const uploads = createUploadsBucket(
      this,
      [`https://${props.platformDomain}`, `https://*.${props.platformDomain}`],
      logs,
    );
    const assets = createStaticBucket(this, logs);
    const cursorSecret = new Secret(this, 'CursorSecret', {
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const sealKey = new Secret(this, 'SealKey', {
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });

    // The edge proves itself to the origins with a secret header; functions accept this generation and the one before.
    const generation = props.originSecretGeneration ?? 1;
    const originSecret = (n: number) =>
      new Secret(this, `OriginSecret${n}`, { generateSecretString: { passwordLength: 48, excludePunctuation: true } });
    const [current, previous] = [originSecret(generation), generation > 1 ? originSecret(generation - 1) : undefined];

    const environment = {
      TABLE_NAME: table.tableName,
      BUCKET_NAME: uploads.bucketName,
      PLATFORM_DOMAIN: props.platformDomain,
      // Links in e-mails, digests and alerts (sent off the request path) name the portal's platform address.
      PORTAL_URL: `https://{slug}.${props.platformDomain}`,
      TRUST_FORWARDED_HOST: 'true',
      LOG_REQUESTS: 'true',
      CUSTOM_DOMAINS_AT_EDGE: 'true',
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM_DOMAIN: props.platformDomain,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // A CloudFormation dynamic reference: the value is resolved at deploy time, never stored in the template.
      CURSOR_SECRET: cursorSecret.secretValue.unsafeUnwrap(),
      SEAL_KEY: sealKey.secretValue.unsafeUnwrap(),
      ORIGIN_SECRETS: [current, previous]
        .flatMap((secret) => (secret ? [secret.secretValue.unsafeUnwrap()] : []))
        .join(','),
    };
    const api = createOrigin(this, 'Api', 'api', environment, 1024);
    const uploadsApi = createOrigin(this, 'UploadsApi', 'uploads', environment, 512);
    // The offer search keeps each portal's index in memory: room for a large catalogue (docs/architecture.md).
    const offersApi = createOrigin(this, 'OffersApi', 'offers', environment, 1024);
    const challengesApi = createOrigin(this, 'ChallengesApi', 'challenges', environment, 1024);
    const web = createOrigin(this, 'Web', 'web', environment, 1536);
    // 1 GB: the stream makes image thumbnails (sharp), up to a 40-megapixel photo decoded in memory.
    const stream = createHandler(this, 'Stream', 'stream', environment, 1024);
    // The consumers read the table's stream; a failing batch is split to find the failing record,
    // which after three attempts goes to this queue (kept 14 days) while the rest of its batch goes on.
    const failedStreamRecords = new Queue(this, 'FailedStreamRecords', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    stream.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        retryAttempts: 3,
        bisectBatchOnError: true,
        onFailure: new SqsDlq(failedStreamRecords),
      }),
    );
    const schedule = createHandler(this, 'Schedule', 'schedule', environment, 512);
    // The weekly digest, Monday 07:00 UTC.
    const runs = (job: JobName) => [new LambdaFunction(schedule, { event: RuleTargetInput.fromObject({ job }) })];
    new Rule(this, 'WeeklyDigest', {
      schedule: EventSchedule.cron({ weekDay: 'MON', hour: '7', minute: '0' }),
      targets: runs('digest'),
    });
    // Search snapshots, so that cold instances do not rebuild a portal's index from its whole log.
    new Rule(this, 'SearchSnapshots', {
      schedule: EventSchedule.rate(Duration.hours(1)),
      targets: runs('search-snapshots'),
    });
    // Custom domains on their way to the edge (certificate pending, deploying), read again from CloudFront.
    new Rule(this, 'EdgeDomains', { schedule: EventSchedule.rate(Duration.minutes(5)), targets: runs('edge-domains') });
    // The challenges' phase clock: due phase changes announced once each (core/challenge/clock.ts).
    new Rule(this, 'ChallengePhases', {
      schedule: EventSchedule.rate(Duration.minutes(1)),
      targets: runs('challenge-phases'),
    });
    // Finished uploads never attached: deleted, their bytes given back (a day's wait, checked hourly).
    new Rule(this, 'UnattachedUploads', {
      schedule: EventSchedule.rate(Duration.hours(1)),
      targets: runs('unattached-uploads'),
    });
    for (const fn of [api.fn, uploadsApi.fn, offersApi.fn, challengesApi.fn, web.fn, stream, schedule]) {
      table.grantReadWriteData(fn);
      grantTenantFiles(uploads, fn);
    }
    // E-mail only from the platform's verified SES domain identity (created outside this stack), and
    // only by the stream consumer: requests and jobs queue their e-mails (core/mail).
    const sesIdentity = this.formatArn({ service: 'ses', resource: 'identity', resourceName: props.platformDomain });
    stream.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [sesIdentity] }));

    new BucketDeployment(this, 'ClientAssets', {
      sources: [Source.asset(props.clientAssets)],
      destinationBucket: assets,
    });
    const distribution = createDistribution(this, {
      api: api.url,
      uploads: uploadsApi.url,
      offers: offersApi.url,
      challenges: challengesApi.url,
      web: web.url,
      assets,
      files: uploads,
      originSecret: current.secretValue.unsafeUnwrap(),
      logs,
      webAclArn: props.webAclArn,
    });
    const edge = createPlatformEdge(this, {
      distribution,
      platformDomain: props.platformDomain,
      certificateArn: platformCertificateArn(this, props.platformCertificateArn),
    });
    // Only a function that is not an origin of the distribution can be given its id: on an origin
    // (api, uploads, offers, challenges, web) it would close a cycle (function -> distribution -> function URL -> function).
    allowCustomDomains(stream, distribution);
    allowCustomDomains(schedule, distribution, { readOnly: true });

    createOperations(this, {
      origins: {
        Api: api.fn,
        UploadsApi: uploadsApi.fn,
        OffersApi: offersApi.fn,
        ChallengesApi: challengesApi.fn,
        Web: web.fn,
      },
      jobs: { Stream: stream, Schedule: schedule },
      stream,
      failedStreamRecords,
      alarmEmail: props.alarmEmail,
    });

    acknowledgeFindings(this, {
      logs,
      failedStreamRecords,
      cursorSecret,
      sealKey,
      originSecrets: [current, previous],
      stream,
      schedule,
    });

    new CfnOutput(this, 'DistributionId', { value: distribution.distributionId });
    // DNS: *.{platformDomain} (CNAME) and the apex (alias/ANAME) point at this endpoint.
    new CfnOutput(this, 'EdgeRoutingEndpoint', { value: edge.connectionGroup.attrRoutingEndpoint });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
