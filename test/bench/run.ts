/**
 * `npm run bench`: the figures the foundation is held to, measured on this machine and written
 * to docs/benchmarks.md with the command that produced them. Nothing here asserts; it measures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle, root } from '../../infra/bundle.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.TABLE_NAME = 'portal-bench';
process.env.PLATFORM_DOMAIN = 'localhost';

const rows: [string, string, string][] = [];
const record = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(58)} ${value.padEnd(22)} ${target}`);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function bundles() {
  for (const name of ['api', 'offers', 'uploads', 'stream', 'web'] as const) {
    const file = join(await bundle(name), 'index.mjs');
    const bytes = statSync(file).size;
    record(
      `${name} Lambda bundle (esbuild, minified, AWS SDK inside)`,
      `${kb(bytes)} (${kb(gzipSync(readFileSync(file)).length)} gz)`,
      name === 'api' ? '≤ 600 KB' : '',
    );
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const probe = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`,
        ],
        { encoding: 'utf8', env: { ...process.env, TABLE_NAME: 'x' } },
      );
      times.push(Number(probe.stdout.trim()));
    }
    record(
      `${name} bundle cold import (median of 11 fresh node processes)`,
      `${median(times).toFixed(1)} ms`,
      name === 'api' ? '≤ 80 ms' : '',
    );
  }
}

/** `npm start` from nothing (seeding two portals) and again on the data it left. */
async function startTimes() {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-start-'));
  for (const label of ['first run, seeds the demo', 'restart on existing data']) {
    const { freePort } = await import('../../functions/local/ports.js');
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('ready in')) resolve(performance.now() - started);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited ${code}: ${out}`)));
    });
    record(`npm start ready (${label})`, `${(ready / 1000).toFixed(1)} s`, '≤ 20 s');
    child.removeAllListeners('exit');
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function withLocalStack() {
  const { startLocalStack } = await import('../../functions/local/stack.js');
  const s3Dir = mkdtempSync(join(tmpdir(), 'portal-bench-s3-'));
  const stack = await startLocalStack({ s3Dir });
  try {
    const { DEMO_PORTALS, seedPortal } = await import('../../functions/local/seed/index.js');
    const { startWebServer } = await import('../../functions/local/server.js');
    const { freePort } = await import('../../functions/local/ports.js');
    const { app } = await import('../../functions/api/full.js');
    await Promise.all(DEMO_PORTALS.map((p) => seedPortal(p)));

    // Page weight: every JavaScript file Chromium downloads to show the portal home, gzipped.
    const port = await freePort();
    const server = await startWebServer(port);
    const { launchChromium } = await import('../e2e/browser.js');
    const browser = await launchChromium();
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    const html = (await (await page.goto(`http://cafe.localhost:${port}/`))!.body()).toString('utf8');
    await page.waitForLoadState('networkidle');
    const jsGz = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    record(`portal home: JavaScript loaded (${scripts.length} files, gzipped)`, kb(jsGz), '≤ 40 KB');
    record('portal home: HTML (gzipped)', kb(gzipSync(html).length));
    await browser.close();
    server.close();

    // API latency in-process against DynamoDB Local (the engine, not the network, dominates).
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const res = await app.request('http://cafe.localhost/api/sections/product/ideas?sort=top', {
        headers: { host: 'cafe.localhost' },
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
    }
    record(
      'GET /api/sections/:id/ideas on DynamoDB Local, p50 / p95 (200 calls)',
      `${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.95).toFixed(1)} ms`,
    );

    // A hot idea: many members voting at once on one item.
    const { makeMembers, makeTenant, asMember } = await import('../support/tenants.js');
    const { submitIdea, getIdea } = await import('../../functions/core/idea/index.js');
    const { castVote } = await import('../../functions/core/vote/index.js');
    const tenant = await makeTenant();
    const members = await makeMembers(tenant, 300);
    const idea = await submitIdea(asMember(tenant, members[0]!), {
      sectionId: 'product',
      title: 'A very hot idea',
      body: 'Everyone votes for it at once.',
    });
    const t = performance.now();
    await Promise.all(members.map((m) => castVote(asMember(tenant, m), { ideaId: idea.id, value: 1 })));
    const seconds = (performance.now() - t) / 1000;
    const counted = (await getIdea(asMember(tenant, members[0]!), idea.id)).upVotes;
    record(
      '300 concurrent votes on one idea (DynamoDB Local)',
      `${(300 / seconds).toFixed(0)} votes/s, counted ${counted}/300`,
    );

    const { apiLoad } = await import('./api-load.js');
    await apiLoad(record, stack.dynamo.pid);
    const { dashboardLoad } = await import('./dashboard.js');
    await dashboardLoad(record);
    const { offerSearchLoad } = await import('./offer-search.js');
    await offerSearchLoad(record);
    const { offerApiLoad } = await import('./offer-api.js');
    await offerApiLoad(record);
  } finally {
    await stack.stop();
    rmSync(s3Dir, { recursive: true, force: true });
  }
}

// First, in a fresh process: a pure CPU measure, not one taken after the loads' heaps and engines.
(await import('./markdown.js')).markdownLoad(record);
await bundles();
await withLocalStack();
await startTimes();

const table = ['| measure | result | target |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
  '\n',
);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
writeFileSync(
  join(root, 'docs/benchmarks.md'),
  `# Benchmarks\n\nProduced by \`npm run bench\` (test/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, ${machine}.\nThe table is rewritten by every run; timed assertions do not live in the tests.\n\n${table}\n\n\n${readFileSync(join(root, 'test/bench/reading.md'), 'utf8')}`,
);
console.log('\nWritten to docs/benchmarks.md');
process.exit(0);
