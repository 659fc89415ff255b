import { printReady, startBackend, stopOnSignal } from './backend.js';
import { builtPages, startWebServer } from './server.js';

/** `npm start`: the whole portal on this machine from the built app, data under .data/, stopped cleanly by Ctrl-C. */
async function main() {
  const started = Date.now();
  const backend = await startBackend();
  const server = await startWebServer(backend.port, await builtPages());
  printReady(backend, started, '');
  stopOnSignal(() => {
    server.close();
    server.closeAllConnections();
  }, backend);
}

main().catch((error) => {
  console.error(error);
  console.error('\nIf a first start stopped half-way through seeding, delete .data/ and start again.');
  process.exit(1);
});
