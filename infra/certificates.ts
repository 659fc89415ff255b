import { CfnParameter } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

// CloudFront reads certificates from ACM in us-east-1 only.
const US_EAST_1_CERTIFICATE = '^arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[0-9a-f-]+$';

/**
 * The ARN of the platform's wildcard certificate (*.{platformDomain} plus the apex), requested
 * once by the operator in ACM us-east-1 and renewed there. Given at synth (prop, context
 * `platformCertificateArn` or PLATFORM_CERTIFICATE_ARN), it is written into the template and
 * checked now; otherwise CloudFormation asks for it at deploy time (parameter
 * PlatformCertificateArn), so that synth stays offline and needs no context.
 */
export function platformCertificateArn(scope: Construct, given?: string): string {
  const arn = given ?? scope.node.tryGetContext('platformCertificateArn') ?? process.env.PLATFORM_CERTIFICATE_ARN;
  if (arn) {
    if (!new RegExp(US_EAST_1_CERTIFICATE).test(arn))
      throw new Error(`platformCertificateArn must be an ACM certificate in us-east-1: ${arn}`);
    return arn;
  }
  return new CfnParameter(scope, 'PlatformCertificateArn', {
    type: 'String',
    description: 'ACM certificate in us-east-1 for *.{platform domain} and the apex',
    allowedPattern: US_EAST_1_CERTIFICATE,
    constraintDescription: 'an ACM certificate ARN in us-east-1',
  }).valueAsString;
}
