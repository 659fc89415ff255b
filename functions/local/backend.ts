import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_PORTALS, demoAccounts, seedIfEmpty } from './seed/index.js';
import { startLocalStack } from './stack.js';
import { startStreamPoller } from './streams.js';
import { sendAllDigests } from '../core/notify/index.js';
import { saveAllSearchSnapshots } from '../core/idea/index.js';
import { expireAllUnattachedUploads } from '../core/upload/index.js';
import { advancePhases } from '../core/challenge/index.js';

export interface LocalBackend {
  port: number;
  dataDir: string;
  seeded: string[];
  stop(): Promise<void>;
}

/**
 * Everything `npm start` and `npm run dev` share: the engines with data under .data/, the
 * environment the core reads, the stream poller, the demo seed and the scheduled jobs.
 */
export async function startBackend(): Promise<LocalBackend> {
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  process.env.PLATFORM_DOMAIN ??= 'localhost';
  process.env.OUTBOX_DIR ??= join(dataDir, 'outbox');
  // Custom domains: put TXT values in .data/dns/<name>.txt instead of DNS (see core/tenant/dns.ts).
  process.env.DNS_TXT_DIR ??= join(dataDir, 'dns');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const stack = await startLocalStack({ dataDir, s3Dir: join(dataDir, 's3') });
  process.env.PORTAL_URL ??= `http://{slug}.${process.env.PLATFORM_DOMAIN}:${port}`;
  // The stream poller starts first: the demo's activity reaches the notifications and the dashboard's aggregates, as in AWS.
  const streams = await startStreamPoller();
  const seeded = await seedIfEmpty();
  // Scheduled jobs run in-process locally: the weekly digest, checked every hour (a marker per week prevents repeats).
  const digests = setInterval(() => {
    if (new Date().getUTCDay() === 1) sendAllDigests().catch((e) => console.error('digest:', (e as Error).message));
  }, 3600_000);
  const snapshots = setInterval(
    () => saveAllSearchSnapshots().catch((e) => console.error('search snapshot:', (e as Error).message)),
    600_000,
  );
  const unattached = setInterval(
    () => expireAllUnattachedUploads().catch((e) => console.error('unattached uploads:', (e as Error).message)),
    3600_000,
  );
  // The challenges' phase clock, every minute as in AWS.
  const phases = setInterval(
    () => advancePhases().catch((e) => console.error('challenge phases:', (e as Error).message)),
    60_000,
  );
  return {
    port,
    dataDir,
    seeded,
    stop: async () => {
      clearInterval(phases);
      clearInterval(digests);
      clearInterval(snapshots);
      clearInterval(unattached);
      await streams.stop();
      await stack.stop();
    },
  };
}

/** The addresses and demo accounts, printed once the portal answers. */
export function printReady(backend: LocalBackend, startedAt: number, mode: string) {
  const { port, dataDir, seeded } = backend;
  const domain = process.env.PLATFORM_DOMAIN;
  const took = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nIdea portal ready${mode} in ${took} s${seeded.length ? ` (seeded: ${seeded.join(', ')})` : ''}`);
  console.log(`  platform  http://${domain}:${port}/`);
  console.log(`  cafe      http://cafe.${domain}:${port}/`);
  console.log(`  motors    http://motors.${domain}:${port}/`);
  console.log(`  API       http://cafe.${domain}:${port}/api/portal`);
  console.log(`  outbox    http://localhost:${port}/_outbox   (e-mails sent locally)`);
  console.log(`  data      ${dataDir}   (Ctrl-C to stop)`);
  console.log(`\nDemo accounts, local only (password: ${DEMO_PASSWORD}):`);
  for (const portal of DEMO_PORTALS) {
    const accounts = demoAccounts(portal).map((a) => `${a.role} ${a.email}`);
    console.log(`  ${portal.slug.padEnd(8)}  ${accounts.join(' · ')}`);
  }
  console.log('');
}

/** Ctrl-C or SIGTERM closes the server first, then the poller and the engines. */
export function stopOnSignal(close: () => Promise<void> | void, backend: LocalBackend) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await close();
    await backend.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
