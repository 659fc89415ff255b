import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../functions/local/stack.js';
import { startStreamPoller } from '../../functions/local/streams.js';

let stack: LocalStack | undefined;
let poller: { stop(): Promise<void> } | undefined;
let s3Dir: string | undefined;

/**
 * Starts DynamoDB Local (in memory) and the S3 emulator once per run, on free loopback ports.
 * The endpoints reach the test workers through process.env, which they inherit.
 */
export async function setup() {
  // The SDK's notice that it will need Node 22 next year; the stack is checked on Node 20 on purpose.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  s3Dir = mkdtempSync(join(tmpdir(), 'portal-s3-'));
  process.env.TABLE_NAME = 'portal-test';
  process.env.BUCKET_NAME = 'portal-test-uploads';
  process.env.PLATFORM_DOMAIN = 'localhost';
  process.env.CURSOR_SECRET = 'test-cursor-secret-0123456789';
  process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'portal-outbox-'));
  process.env.PORTAL_URL = 'http://{slug}.localhost';
  // Custom-domain verification reads TXT records from here instead of DNS (see core/tenant/dns.ts).
  process.env.DNS_TXT_DIR = mkdtempSync(join(tmpdir(), 'portal-dns-'));
  // Password hashes at the lowest cost the configuration takes (scrypt N=2^14, 16 MiB) instead of
  // the production 2^17 (128 MiB, about 0.6 s of CPU each here): the tests hash and check a
  // password hundreds of times and time none of it. The production cost stays tested: by
  // test/unit/password.test.ts, and by the cloud tier, whose functions run with their template's
  // environment only.
  process.env.SCRYPT_LOG_N ??= '14';
  stack = await startLocalStack({ s3Dir });
  // The notification fan-out runs off the request path, from the table's stream, as in AWS.
  poller = await startStreamPoller({ intervalMs: 100 });
}

export async function teardown() {
  await poller?.stop();
  await stack?.stop();
  for (const dir of [s3Dir, process.env.OUTBOX_DIR, process.env.DNS_TXT_DIR])
    if (dir) rmSync(dir, { recursive: true, force: true });
}
