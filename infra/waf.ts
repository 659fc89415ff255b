import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests one viewer address may send in five minutes before the edge blocks it for a while. */
export const REQUESTS_PER_ADDRESS = 2_000;

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The edge's web ACL. CloudFront takes only web ACLs of us-east-1, so it is its own stack there;
 * the portal stack (any region) refers to it across regions. Rules: a rate limit per viewer address
 * (the address CloudFront saw, not a header), and AWS's common rule set, whose body-size rule only
 * counts: an idea or an offer is up to 20,000 characters of Markdown (files go straight to S3).
 */
export class EdgeProtectionStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' }, crossRegionReferences: true });
    const acl = new CfnWebACL(this, 'EdgeWebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('portal-edge'),
      rules: [
        {
          name: 'rate-per-viewer-address',
          priority: 0,
          statement: { rateBasedStatement: { limit: REQUESTS_PER_ADDRESS, aggregateKeyType: 'IP' } },
          action: { block: {} },
          visibilityConfig: visibility('portal-rate-per-address'),
        },
        {
          name: 'aws-common-rules',
          priority: 1,
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          overrideAction: { none: {} },
          visibilityConfig: visibility('portal-common-rules'),
        },
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
