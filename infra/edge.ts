import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * One distribution for every portal host: /api/uploads* to the uploads function, /api/* to the API function, /_app/* (immutable
 * client assets) from S3, the rest to the SvelteKit function. The origin needs its own Host
 * header, so a viewer-request function copies the portal's host into x-forwarded-host.
 */
export function createDistribution(scope: Construct, o: { api: FunctionUrl; uploads: FunctionUrl; web: FunctionUrl; assets: Bucket; domainNames?: string[] }) {
  const forwardHost = new CfFunction(scope, 'ForwardHost', {
    code: FunctionCode.fromInline(
      "function handler(event){var r=event.request;r.headers['x-forwarded-host']={value:r.headers.host.value};return r;}",
    ),
  });
  const dynamic = (url: FunctionUrl): BehaviorOptions => ({
    origin: new FunctionUrlOrigin(url),
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
  });
  return new Distribution(scope, 'Distribution', {
    defaultBehavior: dynamic(o.web),
    additionalBehaviors: {
      '/api/uploads*': dynamic(o.uploads),
      '/api/*': dynamic(o.api),
      '/_app/*': {
        origin: S3BucketOrigin.withOriginAccessControl(o.assets),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
    },
    ...(o.domainNames?.length ? { domainNames: o.domainNames } : {}),
  });
}
