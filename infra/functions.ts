import { Duration } from 'aws-cdk-lib';
import { Architecture, Code, Function, FunctionUrlAuthType, Runtime, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleDir, type BUNDLES } from './bundle.js';

/** One Lambda per handler bundle (built by infra/bundle.ts), with a function URL that CloudFront calls (unused for the stream function). */
export function createHandler(
  scope: Construct,
  id: string,
  bundle: keyof typeof BUNDLES,
  environment: Record<string, string>,
  memorySize = 1024,
): { fn: Function; url: FunctionUrl } {
  const fn = new Function(scope, id, {
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    code: Code.fromAsset(bundleDir(bundle)),
    handler: 'index.handler',
    memorySize,
    timeout: Duration.seconds(15),
    environment: { NODE_OPTIONS: '--enable-source-maps', ...environment },
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
  });
  // NONE: CloudFront is the only intended caller; OAC on function URLs would require browsers to hash POST bodies.
  const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  return { fn, url };
}
