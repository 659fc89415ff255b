import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleAll, root } from '../../infra/bundle.js';
import { PortalStack } from '../../infra/stack.js';
import { EdgeProtectionStack, REQUESTS_PER_ADDRESS } from '../../infra/waf.js';

let edge: Template;
let portal: Template;

beforeAll(async () => {
  await bundleAll();
  // As infra/app.ts builds them: the portal in its region, the web ACL in us-east-1.
  const app = new App();
  const env = { account: '123456789012', region: 'eu-west-3' };
  const protection = new EdgeProtectionStack(app, 'Edge', { env });
  const stack = new PortalStack(app, 'Portal', {
    platformDomain: 'ideas.example.com',
    clientAssets: join(root, 'web/build/client'),
    platformCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    webAclArn: protection.webAclArn,
    crossRegionReferences: true,
    env,
  });
  expect(protection.region).toBe('us-east-1');
  edge = Template.fromStack(protection);
  portal = Template.fromStack(stack);
}, 120_000);

describe('the edge’s web ACL', () => {
  it('limits each viewer address and applies AWS’s common rules, counting only long bodies', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Statement: { RateBasedStatement: { Limit: REQUESTS_PER_ADDRESS, AggregateKeyType: 'IP' } },
          Action: { Block: {} },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
              RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
            }),
          },
        }),
      ],
    });
  });

  it('is attached to the portal’s distribution across regions', () => {
    const [distribution] = Object.values(portal.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: { WebACLId?: unknown } };
    }[];
    expect(JSON.stringify(distribution!.Properties.DistributionConfig.WebACLId)).toContain('EdgeWebAcl');
  });
});
