import { z } from 'zod';

const Env = z.object({
  TABLE_NAME: z.string().min(3).default('portal'),
  BUCKET_NAME: z.string().min(3).default('portal-uploads'),
  AWS_REGION: z.string().default('eu-west-3'),
  /** Set locally and in tests: DynamoDB Local and the S3 emulator. Unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  /** A stand-in for the SES API (the tests' fake); unset in AWS, where the client finds SES itself. */
  SES_ENDPOINT: z.url().optional(),
  /** A stand-in for the CloudFront API (the tests' fake); unset in AWS. */
  CLOUDFRONT_ENDPOINT: z.url().optional(),
  /** Apex host of the platform; tenants live at {slug}.{PLATFORM_DOMAIN}. */
  PLATFORM_DOMAIN: z.string().default('localhost'),
  CURSOR_SECRET: z.string().min(16).default('local-only-cursor-secret-not-for-prod'),
  /** The key secrets stored for reading back are sealed under (identity/sealed.ts). */
  SEAL_KEY: z.string().min(16).default('local-only-seal-key-not-for-prod'),
  /** In AWS, CloudFront passes the viewer's host in x-forwarded-host (the origin needs its own Host). */
  TRUST_FORWARDED_HOST: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Where e-mail goes: files in a local outbox folder, or Amazon SES v2. */
  MAIL_TRANSPORT: z.enum(['outbox', 'ses']).default('outbox'),
  OUTBOX_DIR: z.string().default('.data/outbox'),
  /** SES sender address domain, e.g. mail.ideas.example.com (the portal's name is the display name). */
  MAIL_FROM_DOMAIN: z.string().default('ideas.localhost'),
  /** How a portal's address is written in e-mails sent off the request path: {slug} is replaced. */
  PORTAL_URL: z.string().default('https://{slug}.ideas.localhost'),
  /** scrypt cost as log2(N): 17 is OWASP's recommendation (128 MiB, r=8, p=1). */
  /**
   * Custom-domain checks read TXT records from this folder instead of DNS (one file per name,
   * `<name>.txt`, one value per line): the local override for `npm start` and the tests. Unset
   * in AWS, where the checks are real DNS lookups.
   */
  DNS_TXT_DIR: z.string().optional(),
  /** In AWS, the multi-tenant CloudFront distribution that verified custom domains are attached to. */
  EDGE_DISTRIBUTION_ID: z.string().optional(),
  /**
   * Set by the stack on every function: verified custom domains are served through CloudFront,
   * whose state the settings show. Unset locally, where a verified domain is served at once.
   */
  CUSTOM_DOMAINS_AT_EDGE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SCRYPT_LOG_N: z.coerce.number().int().min(14).max(20).default(17),
  /** One JSON line per request (core/log): set by the stack in AWS, where CloudWatch keeps them; off locally. */
  LOG_REQUESTS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * In AWS, the values CloudFront sends in the origin header (the current one and, while the
   * stack rotates it, the previous one), comma-separated; unset locally, where there is no edge.
   */
  ORIGIN_SECRETS: z
    .string()
    .default('')
    .transform((v) => v.split(',').filter((s) => s.length >= 32)),
});

export type Config = z.output<typeof Env>;

let parsed: Config | undefined;

/** The environment, parsed once with zod (lazily, so tests can set it first). */
export function config(): Config {
  parsed ??= Env.parse(process.env);
  return parsed;
}
