import { Duration } from 'aws-cdk-lib';
import { Architecture, Code, Function, FunctionUrlAuthType, Runtime, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleDir, type BUNDLES } from './bundle.js';

/** One Lambda per handler bundle (built by infra/bundle.ts). */
export function createHandler(
  scope: Construct,
  id: string,
  bundle: keyof typeof BUNDLES,
  environment: Record<string, string>,
  memorySize = 1024,
): Function {
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
