import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/core/db/table.js';
import { bundle, root } from '../../infra/bundle.js';
import { PortalStack } from '../../infra/stack.js';

let template: Template;

beforeAll(async () => {
  await Promise.all([bundle('api'), bundle('uploads'), bundle('stream'), bundle('schedule'), bundle('web')]);
  const app = new App();
  const stack = new PortalStack(app, 'Test', { platformDomain: 'ideas.example.com', clientAssets: join(root, 'web/build/client') });
  template = Template.fromStack(stack);
}, 120_000);

describe('CDK stack (synthesized offline)', () => {
  it('creates the table from the shared definition: on demand, PITR, deletion protection, stream, TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
    const table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0] as { Properties: { GlobalSecondaryIndexes: { IndexName: string }[] } };
    expect(table.Properties.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual(tableDefinition.indexes.map((i) => i.name));
  });

  it('keeps the uploads bucket private and encrypted, with CORS for presigned POST', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['POST']) })] },
    });
  });

  it('runs the API and web handlers on a supported Node runtime, from the esbuild bundles', () => {
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x' } });
    expect(Object.keys(functions)).toHaveLength(5);
    for (const fn of Object.values(functions) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[]) {
      expect(fn.Properties.Environment.Variables).toMatchObject({ PLATFORM_DOMAIN: 'ideas.example.com', TRUST_FORWARDED_HOST: 'true' });
    }
  });

  it('routes /api/* to the API, /_app/* to S3 and the rest to the web function, forwarding the viewer host', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({ PathPattern: '/api/uploads*' }),
          Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['POST', 'DELETE']) }),
          Match.objectLike({ PathPattern: '/_app/*' }),
        ]),
        DefaultCacheBehavior: Match.objectLike({ FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::Function', 1);
  });

  it('runs the weekly digest on a schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 7 ? * MON *)' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
  });

  it('feeds the table stream to the notification fan-out', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPosition: 'TRIM_HORIZON', BisectBatchOnFunctionError: true });
  });
});
