import { TRANSIENT_PREFIXES } from './storage.js';
import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { Function as Lambda } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';

/*
 * The cdk-nag AwsSolutions findings this stack keeps on purpose, each with its reason
 * (test/infra/nag.test.ts fails on any other). Everything else the pack asks for is done.
 */

/** How cdk-nag writes the stack's account and region in a finding: the value, or its pseudo-parameter. */
const named = (stack: Stack) => ({
  account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
  region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
});

const accept = (construct: IConstruct, id: string, reason: string) =>
  Validations.of(construct).acknowledge({ id, reason });

/** The functions made by createHandler: their roles' grants to the table's indexes and the tenants' files. */
const FUNCTIONS = ['Api', 'UploadsApi', 'OffersApi', 'ChallengesApi', 'Web', 'Stream', 'Schedule'];

export function acknowledgeFindings(
  stack: Stack,
  o: {
    logs: Bucket;
    failedStreamRecords: Queue;
    cursorSecret: Secret;
    sealKey: Secret;
    originSecrets: (Secret | undefined)[];
    stream: Lambda;
    /** The edge job, which reads custom domains' tenants. */
    schedule: Lambda;
  },
) {
  accept(o.logs, 'AwsSolutions-S1', 'The access-log bucket itself: logging it into itself would loop.');
  accept(
    o.failedStreamRecords,
    'AwsSolutions-SQS3',
    'It is the failure destination of the stream: nothing comes after it.',
  );
  accept(
    o.sealKey,
    'AwsSolutions-SMG4',
    'The key sealed TOTP secrets are stored under: a rotation must reseal them, so it is a planned, manual operation.',
  );
  accept(
    o.cursorSecret,
    'AwsSolutions-SMG4',
    'The HMAC key of page cursors: rotating it only breaks the page links in flight, so it is replaced by hand when compromised.',
  );
  for (const secret of o.originSecrets)
    if (secret)
      accept(
        secret,
        'AwsSolutions-SMG4',
        'Rotated by the stack (originSecretGeneration), which keeps the previous value valid for one deployment; a Secrets Manager rotation could not update CloudFront and the functions together.',
      );
  const distribution = stack.node.findChild('Distribution').node.defaultChild!;
  accept(
    distribution,
    'AwsSolutions-CFR4',
    'A multi-tenant distribution serves no host itself: viewers connect through its distribution tenants, whose certificates (the platform wildcard, CloudFront-managed ones for custom domains) carry the TLS policy.',
  );
  accept(
    distribution,
    'AwsSolutions-CFR1',
    'Portals are open to the world; a brand restricting countries is not a requirement.',
  );
  for (const id of FUNCTIONS) {
    const policy = stack.node.findChild(`${id}Role`).node.findChild('DefaultPolicy').node.defaultChild!;
    for (const finding of [
      'AwsSolutions-IAM5[Resource::<TableCD117FA1.Arn>/index/*]',
      ...['tenants/', ...TRANSIENT_PREFIXES].map(
        (prefix) => `AwsSolutions-IAM5[Resource::<Uploads4F6EB0FD.Arn>/${prefix}*]`,
      ),
    ])
      accept(
        policy,
        finding,
        'Queries need every index of the single table; files are read and written under the tenants/ prefix and the two transient ones (incoming/, exports/), by keys the core builds per tenant.',
      );
  }
  const streamPolicy = o.stream.role!.node.findChild('DefaultPolicy').node.defaultChild!;
  for (const fn of [o.stream, o.schedule])
    accept(
      fn.role!.node.findChild('DefaultPolicy').node.defaultChild!,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudfront::${named(stack).account}:distribution-tenant/*]`,
      'Custom-domain tenants are created at run time: their ids are not known to the stack.',
    );
  accept(
    streamPolicy,
    'AwsSolutions-IAM5[Resource::*]',
    'acm:RequestCertificate names no existing resource (CloudFront asks for a new tenant certificate with the caller’s rights).',
  );
  acknowledgeBucketDeployment(stack);
}

/** CDK's own function that copies the client build to S3 at deploy time (not ours to shape). */
function acknowledgeBucketDeployment(stack: Stack) {
  const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!provider) return;
  const reason = 'CDK’s BucketDeployment provider, run only at deploy time to copy the client build into its bucket.';
  accept(provider, 'AwsSolutions-L1', reason);
  for (const child of provider.node.findAll()) {
    for (const id of [
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...['Abort*', 'DeleteObject*', 'GetBucket*', 'GetObject*', 'List*'].map(
        (a) => `AwsSolutions-IAM5[Action::s3:${a}]`,
      ),
      'AwsSolutions-IAM5[Resource::<Static3DDAA197.Arn>/*]',
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${named(stack).account}-${named(stack).region}/*]`,
    ])
      accept(child, id, reason);
  }
}
