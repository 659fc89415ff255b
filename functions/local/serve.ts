import { startWebServer } from './server.js';

/**
 * Only the web server, against the engines named in the environment (DYNAMODB_ENDPOINT,
 * S3_ENDPOINT...): the benchmark runs it as its own process to measure the server alone.
 */
const port = Number(process.env.PORT ?? 3000);
await startWebServer(port);
console.log(`serving on ${port}`);
process.on('SIGTERM', () => process.exit(0));
