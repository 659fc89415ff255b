import { resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { printReady, startBackend, stopOnSignal } from './backend.js';
import { startWebServer, type NodeHandler } from './server.js';

/**
 * `npm run dev`: the same local stack and API as `npm start`, with the pages served by Vite from
 * the sources (hot reload of pages and components; a change in functions/ needs a restart).
 */
async function main() {
  const started = Date.now();
  const backend = await startBackend();
  // SvelteKit reads svelte.config.js and writes .svelte-kit/ in the working directory.
  process.chdir(resolve('web'));
  const vite = await createViteServer({
    configFile: resolve('vite.config.ts'),
    // Vite's hot-reload socket listens on the next port; the web server keeps its own.
    server: { middlewareMode: true, ws: { port: backend.port + 1 } },
    appType: 'custom',
  });
  const server = await startWebServer(backend.port, vite.middlewares as unknown as NodeHandler);
  printReady(backend, started, ' (dev: pages reload from web/src)');
  stopOnSignal(async () => {
    server.close();
    server.closeAllConnections();
    await vite.close();
  }, backend);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
