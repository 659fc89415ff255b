import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createTableInput } from '../../functions/core/db/table.js';
import type { FunctionSpec, Synthesized } from './synth.js';

/** The account and region the template is deployed to here (any: nothing leaves the machine). */
export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-3';

/**
 * The stack's resources stood up locally, and the resolution of the template's tokens to them:
 * every table is one fresh table in DynamoDB Local (from core/db/table.ts, stream on), every bucket a
 * function names is a fresh bucket in the S3 emulator, every generated secret a value made here as
 * its GenerateSecretString says. What has no local counterpart (a Ref to anything else) throws, so a
 * new token in a function's environment must be given one here before the tier runs again.
 */
export interface LocalResources {
  tableName: string;
  streamArn: string;
  buckets: Map<string, string>;
  /** The value CloudFormation would give the expression: intrinsic functions and dynamic references resolved. */
  resolve(value: unknown): string;
  /** Whether a value names one of the buckets this tier made (Ref or GetAtt of it). */
  hasBucket(value: unknown): boolean;
  /** A function's environment: its template variables resolved, and nothing else (see `environmentFor`). */
  templateEnvironment(fn: FunctionSpec): Record<string, string>;
  /** The Lambda function URL domain of a function, and the reverse. */
  functionUrlDomain(urlLogicalId: string): string;
  functionOfUrlDomain(domain: string): string | undefined;
  dispose(): Promise<void>;
}

const dynamoClient = () =>
  new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

const s3Client = () =>
  new S3Client({
    endpoint: process.env.S3_ENDPOINT,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** A value as Secrets Manager generates one from the template's GenerateSecretString. */
function generateSecret(spec: { PasswordLength?: number; ExcludePunctuation?: boolean } = {}): string {
  const chars = spec.ExcludePunctuation ? ALNUM : ALNUM + PUNCTUATION;
  return Array.from({ length: spec.PasswordLength ?? 32 }, () => chars[randomInt(chars.length)]).join('');
}

const shortHash = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** Every Ref and GetAtt target a value mentions. */
function referencedIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedIds(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string') found.add(v);
      else if (key === 'Fn::GetAtt' && Array.isArray(v)) found.add(String(v[0]));
      else referencedIds(v, found);
    }
  }
  return found;
}

export async function standUp(synth: Synthesized): Promise<LocalResources> {
  const { resources } = synth;
  const run = randomBytes(4).toString('hex');
  const typeOf = (id: string) => {
    const resource = resources[id];
    if (!resource) throw new Error(`The template has no resource ${id}`);
    return resource.Type;
  };

  // The table: one, made from the shared definition, with its stream.
  const tables = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::GlobalTable');
  if (tables.length !== 1) throw new Error(`Expected one table in the template, found ${tables.length}`);
  const tableName = `cloud-tier-${run}`;
  const dynamo = dynamoClient();
  const created = await dynamo.send(new CreateTableCommand(createTableInput(tableName)));
  const streamArn = created.TableDescription?.LatestStreamArn;
  if (!streamArn) throw new Error('DynamoDB Local made the table without a stream');

  // A bucket for each bucket a function's environment names.
  const named = new Set<string>();
  for (const fn of synth.functions.values()) referencedIds(fn.environment, named);
  const buckets = new Map<string, string>();
  const s3 = s3Client();
  for (const id of named) {
    if (typeOf(id) !== 'AWS::S3::Bucket') continue;
    const name = `cloud-${id.toLowerCase().slice(0, 30)}-${run}`;
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    buckets.set(id, name);
  }
  s3.destroy();

  const secrets = new Map<string, string>(); // ARN -> value
  const secretArn = (id: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${id}-${shortHash(id, 6)}`;
  for (const [id, r] of Object.entries(resources))
    if (r.Type === 'AWS::SecretsManager::Secret')
      secrets.set(secretArn(id), generateSecret(r.Properties?.GenerateSecretString as never));

  const functionUrlDomain = (urlId: string) => `${shortHash(urlId, 32)}.lambda-url.${REGION}.on.aws`;
  const urlTargets = new Map<string, string>();
  for (const [id, r] of Object.entries(resources))
    if (r.Type === 'AWS::Lambda::Url') {
      const target = (r.Properties?.TargetFunctionArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      urlTargets.set(functionUrlDomain(id), target);
    }

  const pseudo: Record<string, string> = {
    'AWS::Region': REGION,
    'AWS::AccountId': ACCOUNT,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': synth.stackName,
  };

  function ref(id: string): string {
    if (pseudo[id]) return pseudo[id];
    switch (typeOf(id)) {
      case 'AWS::DynamoDB::GlobalTable':
        return tableName;
      case 'AWS::S3::Bucket': {
        const bucket = buckets.get(id);
        if (!bucket) throw new Error(`No local bucket for ${id}`);
        return bucket;
      }
      case 'AWS::SecretsManager::Secret':
        return secretArn(id);
      case 'AWS::Lambda::Function':
        return id;
      case 'AWS::CloudFront::Distribution':
        return `E${shortHash(id, 13).toUpperCase()}`;
      default:
        throw new Error(`No local value for Ref ${id} (${typeOf(id)})`);
    }
  }

  function getAtt(id: string, attribute: string): string {
    const type = typeOf(id);
    if (type === 'AWS::DynamoDB::GlobalTable' && attribute === 'StreamArn') return streamArn!;
    if (type === 'AWS::DynamoDB::GlobalTable' && attribute === 'Arn')
      return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${tableName}`;
    if (type === 'AWS::Lambda::Url' && attribute === 'FunctionUrl') return `https://${functionUrlDomain(id)}/`;
    if (type === 'AWS::Lambda::Function' && attribute === 'Arn')
      return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${id}`;
    if (type === 'AWS::S3::Bucket' && attribute === 'RegionalDomainName')
      return `${ref(id)}.s3.${REGION}.amazonaws.com`;
    if (type === 'AWS::SQS::Queue' && attribute === 'Arn') return `arn:aws:sqs:${REGION}:${ACCOUNT}:${id}`;
    throw new Error(`No local value for Fn::GetAtt ${id}.${attribute} (${type})`);
  }

  function evaluate(value: unknown): unknown {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.map(evaluate);
    const [[fn, arg]] = Object.entries(value as Record<string, unknown>) as [[string, unknown]];
    switch (fn) {
      case 'Ref':
        return ref(String(arg));
      case 'Fn::GetAtt':
        return getAtt(...(arg as [string, string]));
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return parts.map((p) => String(evaluate(p))).join(separator);
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        return String(evaluate(source)).split(separator);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [number, unknown];
        return (evaluate(list) as unknown[])[Number(index)];
      }
      case 'Fn::Sub':
        if (typeof arg !== 'string') throw new Error('Fn::Sub with variables is not modelled');
        return arg.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
          name.includes('.') ? getAtt(...(name.split('.') as [string, string])) : ref(name),
        );
      default:
        throw new Error(`The intrinsic function ${fn} is not modelled`);
    }
  }

  /** CloudFormation dynamic references, resolved at deploy time: {{resolve:secretsmanager:<arn>:SecretString:::}}. */
  const dynamicReferences = (s: string) =>
    s.replace(/\{\{resolve:secretsmanager:(.+?):SecretString:::\}\}/g, (_, arn: string) => {
      const secret = secrets.get(arn);
      if (secret === undefined) throw new Error(`No secret ${arn}`);
      return secret;
    });

  const resolve = (value: unknown) => dynamicReferences(String(evaluate(value)));
  const hasBucket = (value: unknown) => [...referencedIds(value)].some((id) => buckets.has(id));

  return {
    tableName,
    streamArn,
    buckets,
    hasBucket,
    resolve,
    templateEnvironment: (fn) =>
      Object.fromEntries(Object.entries(fn.environment).map(([name, value]) => [name, resolve(value)])),
    functionUrlDomain,
    functionOfUrlDomain: (domain) => urlTargets.get(domain),
    dispose: async () => {
      await dynamo.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      dynamo.destroy();
    },
  };
}
