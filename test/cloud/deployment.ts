import { startFakeSes, type FakeSes, type SesAnswer, type SesCall } from '../support/fake-ses.js';
import { Browser, Edge, type Viewer } from './edge.js';
import { LambdaService, type Invocation } from './lambda.js';
import { REGION, standUp, type LocalResources } from './resources.js';
import { StreamMapping, streamMappingOf } from './streams.js';
import { synthesize, type FunctionSpec, type Synthesized } from './synth.js';

/**
 * The variables Lambda itself puts in every function's environment (its reserved names: region,
 * function, handler, and the execution role's temporary credentials). Values here are stand-ins.
 */
export const LAMBDA_RUNTIME_VARIABLES = [
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_EXECUTION_ENV',
  'LAMBDA_TASK_ROOT',
  '_HANDLER',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
] as const;

/** The only variables this tier adds of its own: where the stand-ins of AWS's services answer on this machine. */
export const ENDPOINT_VARIABLES = ['DYNAMODB_ENDPOINT', 'S3_ENDPOINT', 'SES_ENDPOINT', 'CLOUDFRONT_ENDPOINT'] as const;

/** An EventBridge rule of the template that targets a function, with the constant input its target sends. */
export interface ScheduleRule {
  logicalId: string;
  schedule: string;
  functionId: string;
  input: string;
}

export interface Deployment {
  synth: Synthesized;
  local: LocalResources;
  lambda: LambdaService;
  edge: Edge;
  stream: StreamMapping;
  ses: FakeSes;
  platformDomain: string;
  /** The environment a function runs with: template, Lambda's own variables, endpoints. */
  environment(functionId: string): Record<string, string>;
  /** The template's function for a handler bundle (`api`, `web`, `stream`...). */
  functionOf(bundle: string): FunctionSpec;
  browser(viewer: Viewer): Browser;
  rules: ScheduleRule[];
  /** EventBridge invoking the rule's target: asynchronously, the target's input as the event, two retries on error. */
  fire(rule: ScheduleRule): Promise<Invocation[]>;
  /** The e-mails SES accepted, as their recipients would read them. */
  mails(): { to: string; subject: string; text: string }[];
  close(): Promise<void>;
}

const readMail = (call: SesCall) => {
  const body = call.body as {
    Destination: { ToAddresses: string[] };
    Content: { Simple: { Subject: { Data: string }; Body: { Text: { Data: string } } } };
  };
  return {
    to: body.Destination.ToAddresses[0]!,
    subject: body.Content.Simple.Subject.Data,
    text: body.Content.Simple.Body.Text.Data,
  };
};

/**
 * The synthesized stack, deployed onto this machine: its functions in execution environments of
 * their own, behind its CloudFront distribution and function URLs, reading its table's stream
 * through its event source mapping, sending e-mail to a fake SES.
 */
export async function deploy(options: {
  platformDomain: string;
  ses?: (call: SesCall, index: number) => SesAnswer;
}): Promise<Deployment> {
  const synth = await synthesize({ platformDomain: options.platformDomain });
  const [local, ses] = await Promise.all([standUp(synth), startFakeSes(options.ses)]);
  const environment = (spec: FunctionSpec): Record<string, string> => {
    const runtime: Record<(typeof LAMBDA_RUNTIME_VARIABLES)[number], string> = {
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_LAMBDA_FUNCTION_NAME: spec.logicalId,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
      LAMBDA_TASK_ROOT: spec.codeDir,
      _HANDLER: spec.handler,
      AWS_ACCESS_KEY_ID: 'ASIACLOUDTIEREXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'cloud-tier-role-secret-key-example',
      AWS_SESSION_TOKEN: 'cloud-tier-session-token',
    };
    const endpoints: Record<(typeof ENDPOINT_VARIABLES)[number], string> = {
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT!,
      S3_ENDPOINT: process.env.S3_ENDPOINT!,
      SES_ENDPOINT: ses.endpoint,
      // No stand-in for CloudFront's API: a call fails at once instead of leaving the machine.
      CLOUDFRONT_ENDPOINT: 'http://127.0.0.1:9',
    };
    const template = local.templateEnvironment(spec);
    for (const name of [...Object.keys(runtime), ...Object.keys(endpoints)])
      if (name in template) throw new Error(`${spec.logicalId}: the template already sets ${name}`);
    return { ...template, ...runtime, ...endpoints };
  };
  const lambda = new LambdaService(synth.functions, environment);
  const edge = new Edge(synth, local, lambda);
  const stream = new StreamMapping(lambda, streamMappingOf(synth, local), local.streamArn);
  stream.start();

  const rules: ScheduleRule[] = [];
  for (const [logicalId, r] of Object.entries(synth.resources)) {
    if (r.Type !== 'AWS::Events::Rule') continue;
    const p = r.Properties as { ScheduleExpression: string; Targets: { Arn: unknown; Input?: string }[] };
    for (const target of p.Targets) {
      const functionId = (target.Arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
      if (!functionId || !synth.functions.has(functionId)) continue;
      if (target.Input === undefined) throw new Error(`${logicalId}: only a constant target input is modelled`);
      rules.push({ logicalId, schedule: p.ScheduleExpression, functionId, input: target.Input });
    }
  }

  return {
    synth,
    local,
    lambda,
    edge,
    stream,
    ses,
    platformDomain: options.platformDomain,
    environment: (functionId) => environment(lambda.spec(functionId)),
    functionOf: (bundle) => {
      const byId: Record<string, string> = {
        api: 'Api',
        uploads: 'UploadsApi',
        offers: 'OffersApi',
        challenges: 'ChallengesApi',
        web: 'Web',
        stream: 'Stream',
        schedule: 'Schedule',
      };
      const spec = [...synth.functions.values()].find((f) => f.logicalId.startsWith(byId[bundle] ?? bundle));
      if (!spec) throw new Error(`No function for the ${bundle} bundle`);
      return spec;
    },
    browser: (viewer) =>
      new Browser(
        edge,
        viewer,
        (host) => host === options.platformDomain || host.endsWith(`.${options.platformDomain}`),
      ),
    rules,
    fire: async (rule) => {
      const attempts: Invocation[] = [];
      // Asynchronous invocation: Lambda retries a function error twice (its default), then drops the event.
      for (let attempt = 0; attempt < 3; attempt++) {
        const invocation = await lambda.invoke(rule.functionId, JSON.parse(rule.input));
        attempts.push(invocation);
        if (!invocation.error) break;
      }
      return attempts;
    },
    mails: () => ses.sent().map(readMail),
    close: async () => {
      await stream.stop();
      await lambda.close();
      await Promise.all([ses.close(), local.dispose()]);
    },
  };
}
