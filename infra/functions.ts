import { Duration } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function, FunctionUrlAuthType, Runtime, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleDir, NATIVE_PACKAGES, type BUNDLES } from './bundle.js';

/** One Lambda per handler bundle (built by infra/bundle.ts). */
export function createHandler(
  scope: Construct,
  id: string,
  bundle: keyof typeof BUNDLES,
  environment: Record<string, string>,
  memorySize = 1024,
): Function {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
  // Its own role, writing only to its own log group (no AWS managed policy); grants add the rest.
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    inlinePolicies: {
      logs: new PolicyDocument({
        statements: [
          new PolicyStatement({
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            resources: [logGroup.logGroupArn],
          }),
        ],
      }),
    },
  });
  const fn = new Function(scope, id, {
    role,
    runtime: Runtime.NODEJS_24_X,
    // A bundle carrying native files (sharp's, for the stream) runs where they were built: the
    // Linux x86_64 of npm install, the tests and CI; the others on the cheaper ARM.
    architecture: bundle in NATIVE_PACKAGES ? Architecture.X86_64 : Architecture.ARM_64,
    code: Code.fromAsset(bundleDir(bundle)),
    handler: 'index.handler',
    memorySize,
    timeout: Duration.seconds(15),
    environment: { NODE_OPTIONS: '--enable-source-maps', ...environment },
    logGroup,
  });
  return fn;
}

/**
 * A request-path function and the URL CloudFront calls. NONE: OAC on function URLs would make
 * browsers hash POST bodies; instead the function answers 403 to any request without the edge's
 * secret header (functions/handlers/edge-only.ts). Jobs (stream, schedule) get no URL at all.
 */
export function createOrigin(...args: Parameters<typeof createHandler>): { fn: Function; url: FunctionUrl } {
  const fn = createHandler(...args);
  return { fn, url: fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE }) };
}
