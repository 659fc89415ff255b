import { build, type Plugin } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda bundles: one ESM file per handler, minified, with the AWS SDK inside (no layer, pinned versions). */
export const BUNDLES = {
  api: 'functions/handlers/api.ts',
  uploads: 'functions/handlers/uploads.ts',
  offers: 'functions/handlers/offers.ts',
  stream: 'functions/handlers/stream.ts',
  schedule: 'functions/handlers/schedule.ts',
  web: 'functions/handlers/web.ts',
} as const;

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
  });
  return outdir;
}
