import { z } from 'zod';

const Env = z.object({
  TABLE_NAME: z.string().min(3).default('portal'),
  BUCKET_NAME: z.string().min(3).default('portal-uploads'),
  AWS_REGION: z.string().default('eu-west-3'),
  /** Set locally and in tests: DynamoDB Local and the S3 emulator. Unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  /** Apex host of the platform; tenants live at {slug}.{PLATFORM_DOMAIN}. */
  PLATFORM_DOMAIN: z.string().default('localhost'),
  CURSOR_SECRET: z.string().min(16).default('local-only-cursor-secret-not-for-prod'),
  /** In AWS, CloudFront passes the viewer's host in x-forwarded-host (the origin needs its own Host). */
  TRUST_FORWARDED_HOST: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Config = z.output<typeof Env>;

let parsed: Config | undefined;

/** The environment, parsed once with zod (lazily, so tests can set it first). */
export function config(): Config {
  parsed ??= Env.parse(process.env);
  return parsed;
}
