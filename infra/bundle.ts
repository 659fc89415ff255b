import { build, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda bundles: one ESM file per handler, minified, with the AWS SDK inside (no layer, pinned versions). */
export const BUNDLES = {
  api: 'functions/handlers/api.ts',
  uploads: 'functions/handlers/uploads.ts',
  offers: 'functions/handlers/offers.ts',
  challenges: 'functions/handlers/challenges.ts',
  stream: 'functions/handlers/stream.ts',
  schedule: 'functions/handlers/schedule.ts',
  web: 'functions/handlers/web.ts',
} as const;

/**
 * Packages a bundle loads from its own node_modules instead of carrying inside index.mjs, because
 * they hold native files: sharp (core/image) and what it requires, with the libvips build for
 * Linux x86_64 that npm installs here. Such a bundle's function runs on x86_64 (infra/functions.ts).
 */
export const NATIVE_PACKAGES: Partial<Record<keyof typeof BUNDLES, { external: string[]; copied: string[] }>> = {
  stream: {
    external: ['sharp'],
    copied: ['sharp', 'detect-libc', 'semver', '@img/colour', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64'],
  },
};

/**
 * Copies a bundle's native packages beside it (node_modules/), once per set of versions: tests
 * bundle into the same folder at the same time, so the copy is made aside and moved in whole. A
 * machine without the Linux x86_64 build says so rather than ship a broken bundle.
 */
function copyNativePackages(name: keyof typeof BUNDLES, outdir: string) {
  const copied = NATIVE_PACKAGES[name]?.copied ?? [];
  const modules = join(outdir, 'node_modules');
  const stamp = copied.map((pkg) => `${pkg}@${versionOf(pkg)}`).join('\n');
  const stampFile = join(modules, '.packages');
  const current = () => (existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined);
  if (!copied.length) return rmSync(modules, { recursive: true, force: true });
  if (current() === stamp) return;
  const aside = mkdtempSync(join(outdir, '.node_modules-'));
  for (const pkg of copied)
    cpSync(join(root, 'node_modules', pkg), join(aside, pkg), { recursive: true, dereference: true });
  writeFileSync(join(aside, '.packages'), stamp);
  rmSync(modules, { recursive: true, force: true });
  try {
    renameSync(aside, modules);
  } catch (error) {
    // Another build moved the same copy in first.
    rmSync(aside, { recursive: true, force: true });
    if (current() !== stamp) throw error;
  }
}

function versionOf(pkg: string): string {
  const manifest = join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(manifest))
    throw new Error(`A bundle needs ${pkg} (sharp for Linux x86_64): build it on Linux x86_64 after npm ci.`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Every bundle, for the CDK app, its test and the benchmark. */
export const bundleAll = () => Promise.all(Object.keys(BUNDLES).map((name) => bundle(name as keyof typeof BUNDLES)));

/**
 * `.build/<name>`, or under BUNDLE_DIR when set: the cloud test tier bundles and synthesizes in its
 * own folder, so that tests running at the same time never read a bundle another is rewriting.
 */
export function bundleDir(name: keyof typeof BUNDLES) {
  return join(process.env.BUNDLE_DIR ?? join(root, '.build'), name);
}

/**
 * Zod's main entry re-exports every locale (about 260 KB minified) for z.config(); the core
 * writes its own messages and uses English only, so the bundle keeps just that one.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/') ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: root,
    }));
  },
};

/** See infra/shims/credentials-from-env.ts: in Lambda, credentials come from the environment only. */
const credentialsFromEnv: Plugin = {
  name: 'credentials-from-env',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      path: join(root, 'infra/shims/credentials-from-env.ts'),
    }));
  },
};

/** See infra/shims/lru-cache.ts: the DynamoDB client's endpoint cache on a Map instead of mnemonist. */
const smallLruCache: Plugin = {
  name: 'small-lru-cache',
  setup(b) {
    b.onResolve({ filter: /^mnemonist\/lru-cache$/ }, () => ({ path: join(root, 'infra/shims/lru-cache.ts') }));
  },
};

/** Bundles one handler with esbuild (no Docker); returns the output folder for lambda.Code.fromAsset. */
export async function bundle(name: keyof typeof BUNDLES, outdir = bundleDir(name)): Promise<string> {
  await build({
    plugins: [zodEnglishOnly, credentialsFromEnv, smallLruCache],
    // The ES module builds of the AWS SDK tree-shake far better than its CommonJS ones.
    mainFields: ['module', 'main'],
    entryPoints: [join(root, BUNDLES[name])],
    outfile: join(outdir, 'index.mjs'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'error',
    // CommonJS packages inside an ESM bundle still call require().
    banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" },
    external: NATIVE_PACKAGES[name]?.external ?? [],
  });
  copyNativePackages(name, outdir);
  return outdir;
}
