import { Duration, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  CfnConnectionGroup,
  CfnDistributionTenant,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type CfnDistribution,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ORIGIN_HEADER } from '../functions/handlers/edge-only.js';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction, FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { Bucket as BucketRef, type Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { challenges } from '../functions/api/routes/challenges.js';
import { offers } from '../functions/api/routes/offers.js';
import { uploads } from '../functions/api/routes/uploads.js';
import { BRAND_IMAGE_HEADERS, SECURITY_HEADERS } from '../functions/core/http/index.js';
import { BRAND_PATH_PATTERN } from '../functions/core/tenant/index.js';

/**
 * One multi-tenant distribution (CloudFront SaaS Manager) for every portal host: uploads and
 * brand-image routes to the uploads function, brand images themselves from the uploads bucket, the offers' paths to the offers function, the challenges' to theirs, /api/* to the API function, /_app/* (immutable client assets) from S3,
 * the rest to the SvelteKit function. The origin needs its own Host header, so a viewer-request
 * function copies the portal's host into x-forwarded-host. Hosts are not on the distribution:
 * each belongs to a distribution tenant (the platform's, or one per custom domain).
 */
/**
 * The path patterns that send a route group to its own function, read from its route table: each
 * route's fixed start (up to its first parameter), without those a shorter one already covers.
 * A new route gets its CloudFront behaviour with it.
 */
export function pathsOf(group: { routes: { path: string }[] }): string[] {
  const starts = [...new Set(group.routes.map((route) => `/api${route.path.split('/:')[0]}`))].sort();
  return starts
    .filter((start, i) => !starts.slice(0, i).some((shorter) => start.startsWith(shorter)))
    .map((s) => `${s}*`);
}

/** The offers function's paths (functions/api/routes/offers.ts). */
export const OFFER_PATHS = pathsOf(offers);
/** The challenges function's paths (functions/api/routes/challenges.ts). */
export const CHALLENGE_PATHS = pathsOf(challenges);
/** The uploads function's paths (functions/api/routes/uploads.ts): uploads, and brand images made from them. */
export const UPLOAD_PATHS = pathsOf(uploads);

/**
 * HSTS (two years, subdomains: every portal of the platform) from the edge, which alone speaks
 * HTTPS to viewers; the other security headers as the origins set them (core/http), and the same
 * on S3's files, which set none.
 */
function securityHeaders(scope: Construct) {
  const origin = SECURITY_HEADERS;
  return new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    securityHeadersBehavior: {
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: origin['content-security-policy'], override: false },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
      contentTypeOptions: { override: false },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
    },
    customHeadersBehavior: {
      customHeaders: [{ header: 'permissions-policy', value: origin['permissions-policy'], override: false }],
    },
  });
}

/**
 * The uploads bucket as an origin with origin access control. CDK would grant the edge every
 * object of the bucket: it is handed the bucket by name only, so it cannot, and the stack grants
 * the brand images alone (below).
 */
function brandImagesOrigin(scope: Construct, files: Bucket) {
  const byName = BucketRef.fromBucketAttributes(scope, 'BrandImagesBucket', {
    bucketName: files.bucketName,
    bucketArn: files.bucketArn,
    bucketRegionalDomainName: files.bucketRegionalDomainName,
  });
  return S3BucketOrigin.withOriginAccessControl(byName);
}

/** The headers every brand image is served with (core/http's BRAND_IMAGE_HEADERS; S3 stores the cache lifetime). */
function brandHeaders(scope: Construct) {
  const headers = BRAND_IMAGE_HEADERS;
  return new ResponseHeadersPolicy(scope, 'BrandImageHeaders', {
    securityHeadersBehavior: {
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy'], override: true },
      contentTypeOptions: { override: true },
    },
  });
}

export function createDistribution(
  scope: Construct,
  o: {
    api: FunctionUrl;
    uploads: FunctionUrl;
    offers: FunctionUrl;
    challenges: FunctionUrl;
    web: FunctionUrl;
    assets: Bucket;
    /** The uploads bucket, whose brand images (tenants/<id>/brand/*) the edge serves and caches. */
    files: Bucket;
    /** Sent to every function origin, which refuses requests without it. */
    originSecret: string;
    /** Where CloudFront writes its access logs. */
    logs: Bucket;
    webAclArn?: string;
  },
) {
  const forwardHost = new CfFunction(scope, 'ForwardHost', {
    code: FunctionCode.fromInline(
      "function handler(event){var r=event.request;r.headers['x-forwarded-host']={value:r.headers.host.value};return r;}",
    ),
  });
  const responseHeadersPolicy = securityHeaders(scope);
  const dynamic = (url: FunctionUrl): BehaviorOptions => ({
    responseHeadersPolicy,
    origin: new FunctionUrlOrigin(url, { customHeaders: { [ORIGIN_HEADER]: o.originSecret } }),
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
  });
  const distribution = new Distribution(scope, 'Distribution', {
    comment: 'Idea portal: every portal host, through distribution tenants',
    enableLogging: true,
    logBucket: o.logs,
    logFilePrefix: 'cloudfront/',
    webAclId: o.webAclArn,
    defaultBehavior: dynamic(o.web),
    additionalBehaviors: {
      ...Object.fromEntries(UPLOAD_PATHS.map((path) => [path, dynamic(o.uploads)])),
      ...Object.fromEntries(OFFER_PATHS.map((path) => [path, dynamic(o.offers)])),
      ...Object.fromEntries(CHALLENGE_PATHS.map((path) => [path, dynamic(o.challenges)])),
      '/api/*': dynamic(o.api),
      [BRAND_PATH_PATTERN]: {
        origin: brandImagesOrigin(scope, o.files),
        responseHeadersPolicy: brandHeaders(scope),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
      '/_app/*': {
        origin: S3BucketOrigin.withOriginAccessControl(o.assets),
        responseHeadersPolicy,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
    },
  });
  // The L2 Distribution has no multi-tenant option yet: set it on the L1. IPv6 is a connection
  // group setting for multi-tenant distributions, which refuse the distribution-level flag.
  // The edge may read brand images, and nothing else of the uploads bucket.
  o.files.addToResourcePolicy(
    new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [o.files.arnForObjects(BRAND_PATH_PATTERN.slice(1))],
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      conditions: { StringEquals: { 'AWS:SourceArn': distribution.distributionArn } },
    }),
  );
  const cfn = distribution.node.defaultChild as CfnDistribution;
  cfn.addPropertyOverride('DistributionConfig.ConnectionMode', 'tenant-only');
  cfn.addPropertyDeletionOverride('DistributionConfig.IPV6Enabled');
  return distribution;
}

/**
 * The platform's hosts at the edge: a connection group (its routing endpoint is what DNS points
 * at) and one distribution tenant for *.{platformDomain} and the apex, with the operator's
 * wildcard certificate. The tenant is named after the platform domain: custom-domain tenants
 * find the connection group through it (functions/core/aws/edge-domains.ts).
 */
export function createPlatformEdge(
  scope: Construct,
  o: { distribution: Distribution; platformDomain: string; certificateArn: string },
) {
  const connectionGroup = new CfnConnectionGroup(scope, 'EdgeConnectionGroup', {
    name: `${Stack.of(scope).stackName}-edge`,
    enabled: true,
    ipv6Enabled: true,
  });
  const platformTenant = new CfnDistributionTenant(scope, 'PlatformTenant', {
    distributionId: o.distribution.distributionId,
    name: o.platformDomain,
    domains: [`*.${o.platformDomain}`, o.platformDomain],
    connectionGroupId: connectionGroup.attrId,
    enabled: true,
    customizations: { certificate: { arn: o.certificateArn } },
  });
  return { connectionGroup, platformTenant };
}

/**
 * Lets a function attach and detach custom domains (or, read only, follow their state): the
 * distribution id in EDGE_DISTRIBUTION_ID, and the tenant operations on this distribution and on
 * distribution tenants (tenant ids are made at run time, so IAM can only name them all).
 */
export function allowCustomDomains(fn: LambdaFunction, distribution: Distribution, o: { readOnly?: boolean } = {}) {
  fn.addEnvironment('EDGE_DISTRIBUTION_ID', distribution.distributionId);
  const tenants = Stack.of(fn).formatArn({
    service: 'cloudfront',
    region: '',
    resource: 'distribution-tenant',
    resourceName: '*',
  });
  const reads = [
    'cloudfront:GetDistributionTenant',
    'cloudfront:GetDistributionTenantByDomain',
    'cloudfront:GetManagedCertificateDetails',
  ];
  const writes = [
    'cloudfront:CreateDistributionTenant',
    'cloudfront:UpdateDistributionTenant',
    'cloudfront:DeleteDistributionTenant',
    'cloudfront:TagResource',
  ];
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: o.readOnly ? reads : [...writes, ...reads],
      resources: [distribution.distributionArn, tenants],
    }),
  );
  if (o.readOnly) return;
  // CloudFront requests the managed certificate of a new tenant in ACM with the caller's rights;
  // RequestCertificate names no existing resource, so it cannot be scoped further.
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ['acm:RequestCertificate', 'acm:DescribeCertificate'], resources: ['*'] }),
  );
}
