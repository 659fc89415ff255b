import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../../functions/local/ports.js';
import { startWebServer } from '../../functions/local/server.js';
import { launchChromium } from './browser.js';

/** One local web server and one Chromium for a test file, started before its tests and stopped after. */
export function useServerAndBrowser(before?: () => Promise<unknown>) {
  const env = { port: 0, browser: undefined as unknown as Browser };
  let server: Server | undefined;
  beforeAll(async () => {
    await before?.();
    env.port = await freePort();
    server = await startWebServer(env.port);
    env.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    server?.close();
  });
  return env;
}
