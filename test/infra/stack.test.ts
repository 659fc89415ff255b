import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/core/db/table.js';
import { bundleAll, root } from '../../infra/bundle.js';
import { coreRoutes } from '../../functions/api/routes/index.js';
import { offers } from '../../functions/api/routes/offers.js';
import { OFFER_PATHS, UPLOAD_PATHS } from '../../infra/edge.js';
import { uploads } from '../../functions/api/routes/uploads.js';
import { ORIGIN_HEADER } from '../../functions/handlers/edge-only.js';
import { SECURITY_HEADERS } from '../../functions/core/http/index.js';
import { PortalStack, type PortalStackProps } from '../../infra/stack.js';

let template: Template;
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const synth = (props: Partial<PortalStackProps> = {}) =>
  Template.fromStack(
    new PortalStack(new App(), 'Test', {
      platformDomain: 'ideas.example.com',
      clientAssets: join(root, 'web/build/client'),
      ...props,
    }),
  );

beforeAll(async () => {
  await bundleAll();
  template = synth({ platformCertificateArn: certificateArn });
}, 120_000);

type Resources = Record<string, { Properties?: Record<string, unknown> }>;

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
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
    const table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0] as {
      Properties: { GlobalSecondaryIndexes: { IndexName: string }[] };
    };
    expect(table.Properties.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual(
      tableDefinition.indexes.map((i) => i.name),
    );
  });

  it('keeps the uploads bucket private and encrypted, with CORS for presigned POST', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['POST']) })] },
    });
  });

  it('runs the API and web handlers on a supported Node runtime, from the esbuild bundles', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: {
        Handler: 'index.handler',
        Runtime: 'nodejs24.x',
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
      },
    });
    expect(Object.keys(functions)).toHaveLength(7); // api, uploads, offers, challenges, web, stream, schedule
    for (const fn of Object.values(functions) as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    }[]) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        PLATFORM_DOMAIN: 'ideas.example.com',
        TRUST_FORWARDED_HOST: 'true',
      });
    }
  });

  it('routes /api/* to the API, /_app/* to S3 and the rest to the web function, forwarding the viewer host', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([
          ...UPLOAD_PATHS.map((path) => Match.objectLike({ PathPattern: path })),
          ...OFFER_PATHS.map((path) =>
            Match.objectLike({ PathPattern: path, AllowedMethods: Match.arrayWith(['PATCH', 'POST', 'DELETE']) }),
          ),
          Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['POST', 'DELETE']) }),
          Match.objectLike({ PathPattern: '/_app/*' }),
        ]),
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::Function', 1);
  });

  it('sends every path the offers and uploads functions serve to them, and the API function serves none of them', () => {
    for (const [group, patterns] of [
      [offers, OFFER_PATHS],
      [uploads, UPLOAD_PATHS],
    ] as const) {
      const prefixes = patterns.map((pattern) => pattern.replace(/^\/api|\*$/g, ''));
      expect(prefixes.length).toBeGreaterThan(0);
      for (const route of group.routes) expect(prefixes.some((prefix) => route.path.startsWith(prefix))).toBe(true);
      const apiPaths = coreRoutes.flatMap((g) => g.routes.map((route) => route.path));
      expect(
        apiPaths.filter((path) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))),
      ).toEqual([]);
    }
  });

  it('serves brand images from the uploads bucket at the edge, which may read nothing else of it', () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: { CacheBehaviors: { PathPattern: string; TargetOriginId: string }[] } };
    }[];
    const brand = distribution!.Properties.DistributionConfig.CacheBehaviors.find(
      (b) => b.PathPattern === '/tenants/*/brand/*',
    );
    expect(brand).toBeDefined();
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as {
      Properties: { Bucket: { Ref: string }; PolicyDocument: { Statement: Record<string, unknown>[] } };
    }[];
    const uploadsPolicy = policies.find((p) => p.Properties.Bucket.Ref.startsWith('Uploads'))!;
    const edgeReads = uploadsPolicy.Properties.PolicyDocument.Statement.filter((st) =>
      JSON.stringify(st.Principal ?? '').includes('cloudfront.amazonaws.com'),
    );
    expect(edgeReads).toHaveLength(1);
    expect(edgeReads[0]).toMatchObject({ Action: 's3:GetObject', Effect: 'Allow' });
    expect(JSON.stringify(edgeReads[0]!.Resource)).toContain('/tenants/*/brand/*');
    // What browsers post and exports are forgotten after a day.
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('gives only the request-path functions a URL, and CloudFront the secret header they check', () => {
    const urls = Object.values(template.findResources('AWS::Lambda::Url')) as {
      Properties: { TargetFunctionArn: { 'Fn::GetAtt': [string, string] } };
    }[];
    const withUrl = urls.map((u) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0]).sort();
    expect(withUrl.map((id) => id.replace(/[A-F0-9]{8}$/, ''))).toEqual([
      'Api',
      'ChallengesApi',
      'OffersApi',
      'UploadsApi',
      'Web',
    ]);
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: {
        DistributionConfig: { Origins: { Id: string; S3OriginConfig?: unknown; OriginCustomHeaders?: unknown[] }[] };
      };
    }[];
    const functionOrigins = distribution!.Properties.DistributionConfig.Origins.filter((o) => !o.S3OriginConfig);
    expect(functionOrigins.length).toBeGreaterThanOrEqual(4); // one per behaviour that reaches a function
    for (const origin of functionOrigins) {
      expect(origin.OriginCustomHeaders).toEqual([
        { HeaderName: ORIGIN_HEADER, HeaderValue: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
      ]);
    }
    const functions = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) } },
      }),
    ) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
    expect(functions).toHaveLength(7);
    for (const fn of functions) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        PORTAL_URL: 'https://{slug}.ideas.example.com',
        LOG_REQUESTS: 'true',
        ORIGIN_SECRETS: expect.anything(),
      });
    }
  });

  it('keeps the previous origin secret valid for one deployment when it is rotated', () => {
    const rotated = synth({ platformCertificateArn: certificateArn, originSecretGeneration: 3 });
    const secrets = Object.keys(rotated.findResources('AWS::SecretsManager::Secret')).filter((id) =>
      id.startsWith('OriginSecret'),
    );
    expect(secrets.map((id) => id.replace(/[A-F0-9]{8}$/, '')).sort()).toEqual(['OriginSecret2', 'OriginSecret3']);
  });

  it('lets only the stream consumer send e-mail, and only from the platform’s SES identity', () => {
    const statements = Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([id, policy]) =>
      (
        policy as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } }
      ).Properties.PolicyDocument.Statement.map((statement) => ({ id, ...statement })),
    );
    const ses = statements.filter((s) => JSON.stringify(s.Action).includes('ses:'));
    expect(ses.map((s) => s.id.replace(/RoleDefaultPolicy[A-F0-9]{8}$/, ''))).toEqual(['Stream']);
    for (const statement of ses) {
      expect(statement.Action).toBe('ses:SendEmail');
      expect(JSON.stringify(statement.Resource)).toContain(':identity/ideas.example.com');
    }
  });

  it('adds HSTS at the edge and the origins’ security headers to every behaviour, S3’s files included', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
          ContentSecurityPolicy: {
            ContentSecurityPolicy: SECURITY_HEADERS['content-security-policy'],
            Override: false,
          },
          FrameOptions: { FrameOption: 'DENY', Override: false },
        }),
      }),
    });
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: {
        DistributionConfig: {
          DefaultCacheBehavior: { ResponseHeadersPolicyId?: unknown };
          CacheBehaviors: { ResponseHeadersPolicyId?: unknown }[];
        };
      };
    }[];
    const config = distribution!.Properties.DistributionConfig;
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behaviour.ResponseHeadersPolicyId).toBeDefined();
    }
  });

  it('runs the weekly digest on a schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 7 ? * MON *)' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
  });

  it('expires finished uploads never attached, hourly', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Input: JSON.stringify({ job: 'unattached-uploads' }) })],
    });
  });

  it('feeds the table stream to its consumers, and a record that fails three times to a queue', () => {
    const queue = Object.keys(template.findResources('AWS::SQS::Queue'))[0]!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
  });

  it('alarms the operator on 5xx rates, throttles, stream lag, failed records and SES bounces, with a dashboard', () => {
    const alarms = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).map((id) =>
      id.replace(/[A-F0-9]{8}$/, ''),
    );
    expect(alarms.sort()).toEqual(
      [
        ...['Api', 'UploadsApi', 'OffersApi', 'ChallengesApi', 'Web'].flatMap((fn) => [
          `${fn}5xxRate`,
          `${fn}Throttles`,
        ]),
        ...['Stream', 'Schedule'].flatMap((fn) => [`${fn}Errors`, `${fn}Throttles`]),
        'StreamIteratorAge',
        'FailedStreamRecordsWaiting',
        'SesBounceRate',
      ].sort(),
    );
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: { AlarmActions: unknown[] };
    }[])
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.resourceCountIs('AWS::SNS::Subscription', 0); // no e-mail given: none to confirm
    synth({ platformCertificateArn: certificateArn, alarmEmail: 'ops@brand.test' }).hasResourceProperties(
      'AWS::SNS::Subscription',
      { Protocol: 'email', Endpoint: 'ops@brand.test' },
    );
  });

  it('makes the distribution multi-tenant: tenant-only connections, no hosts or IPv6 flag of its own', () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: Record<string, unknown> };
    }[];
    expect(distribution!.Properties.DistributionConfig).toMatchObject({ ConnectionMode: 'tenant-only', Enabled: true });
    expect(distribution!.Properties.DistributionConfig).not.toHaveProperty('Aliases');
    expect(distribution!.Properties.DistributionConfig).not.toHaveProperty('IPV6Enabled');
  });

  it('serves *.{platformDomain} and the apex through one platform tenant with the wildcard certificate', () => {
    const distributionId = Object.keys(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const groupId = Object.keys(template.findResources('AWS::CloudFront::ConnectionGroup'))[0]!;
    template.hasResourceProperties('AWS::CloudFront::ConnectionGroup', { Enabled: true, Ipv6Enabled: true });
    template.resourceCountIs('AWS::CloudFront::DistributionTenant', 1);
    template.hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      Name: 'ideas.example.com',
      DistributionId: { Ref: distributionId },
      Domains: ['*.ideas.example.com', 'ideas.example.com'],
      ConnectionGroupId: { 'Fn::GetAtt': [groupId, 'Id'] },
      Enabled: true,
      Customizations: { Certificate: { Arn: certificateArn } },
    });
    template.hasOutput('EdgeRoutingEndpoint', { Value: { 'Fn::GetAtt': [groupId, 'RoutingEndpoint'] } });
  });

  it('asks for the certificate at deploy time when synth is given none, and refuses one outside us-east-1', () => {
    const bare = synth();
    bare.hasParameter('PlatformCertificateArn', {
      Type: 'String',
      AllowedPattern: Match.stringLikeRegexp('us-east-1'),
    });
    bare.hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      Customizations: { Certificate: { Arn: { Ref: 'PlatformCertificateArn' } } },
    });
    expect(() => synth({ platformCertificateArn: certificateArn.replace('us-east-1', 'eu-west-3') })).toThrow(
      /us-east-1/,
    );
  });

  // Template.fromStack refuses a template with a resource cycle, which is why no origin function
  // (api, uploads, web) can hold the distribution id.
  it('gives the stream function the distribution id and the tenant operations, the edge job only reads, scoped to the distribution and its tenants', () => {
    const functions = template.findResources('AWS::Lambda::Function') as Resources;
    const distributionId = Object.keys(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const withEdge = Object.entries(functions).filter(([, fn]) =>
      JSON.stringify(fn.Properties).includes('EDGE_DISTRIBUTION_ID'),
    );
    expect(withEdge.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/^Schedule/),
      expect.stringMatching(/^Stream/),
    ]);
    const statementsOf = (fn: { Properties?: Record<string, unknown> }) => {
      const role = (fn.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      return Object.values(template.findResources('AWS::IAM::Policy'))
        .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    };
    const scheduleActions = statementsOf(withEdge.find(([id]) => id.startsWith('Schedule'))![1]).flatMap((st) =>
      [st.Action].flat().filter((a) => a.startsWith('cloudfront:')),
    );
    expect(scheduleActions.sort()).toEqual([
      'cloudfront:GetDistributionTenant',
      'cloudfront:GetDistributionTenantByDomain',
      'cloudfront:GetManagedCertificateDetails',
    ]);
    const [, stream] = withEdge.find(([id]) => id.startsWith('Stream'))!;
    expect(stream.Properties).toMatchObject({
      Environment: { Variables: { EDGE_DISTRIBUTION_ID: { Ref: distributionId } } },
    });

    const role = (stream.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
      .flatMap(
        (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
    const tenantStatement = statements.find((s) => [s.Action].flat().includes('cloudfront:CreateDistributionTenant'));
    expect([tenantStatement!.Action].flat()).toEqual(
      expect.arrayContaining([
        'cloudfront:CreateDistributionTenant',
        'cloudfront:DeleteDistributionTenant',
        'cloudfront:GetDistributionTenant',
        'cloudfront:GetDistributionTenantByDomain',
      ]),
    );
    const resources = JSON.stringify(tenantStatement!.Resource);
    expect(resources).toContain(`:distribution/",{"Ref":"${distributionId}"}`);
    expect(resources).toContain(':distribution-tenant/*');
    expect(resources).not.toMatch(/"\*"/);
  });
});
