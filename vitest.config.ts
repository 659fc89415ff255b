import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the web's modules resolve the alias the SvelteKit app gives the core. */
const resolve = { alias: { $core: fileURLToPath(new URL('./functions/core', import.meta.url)) } };
const options = { testTimeout: 30_000, hookTimeout: 90_000, pool: 'forks' } as const;

/**
 * A thousand votes at once keep the table's stream busy for tens of seconds after them: files
 * that wait for the stream (e-mails, the dashboard) would wait past their time beside it. So the
 * storm runs alone, after the rest.
 */
const STORM = 'test/security/vote-storm.test.ts';

export default defineConfig({
  test: {
    // Once for every project: DynamoDB Local and the S3 emulator (the projects do not inherit it).
    globalSetup: ['test/support/global-setup.ts'],
    // Two files at a time at least: much of a file's time is spent waiting on DynamoDB Local,
    // Chromium or the stream, which Vitest's default (one worker less than the cores) leaves
    // unused on a two-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve,
        test: {
          ...options,
          name: 'suite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, STORM],
        },
      },
      { resolve, test: { ...options, name: 'storm', include: [STORM], sequence: { groupOrder: 1 } } },
    ],
  },
});
