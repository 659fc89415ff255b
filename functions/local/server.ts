import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { app } from '../api/full.js';
import { sendAllDigests } from '../core/notify/index.js';
import { serveOutbox } from './outbox.js';
import { isBrandImagePath, serveBrandImage } from './brand-images.js';

/** Local only: `curl -X POST localhost:3000/_jobs/digest` sends this week's digests now (AWS runs them weekly). */
async function runDigestNow(res: ServerResponse) {
  const sent = await sendAllDigests();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ sent }));
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The built SvelteKit app (web/build), bundled with its own copy of the core; both read the same table. */
export async function builtPages(): Promise<NodeHandler> {
  // adapter-node assumes https unless told: this server is plain http, and SvelteKit's CSRF check
  // compares the browser's Origin with the URL it builds from these.
  process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
  const kitPath = '../../web/build/handler.js';
  const { handler } = (await import(kitPath)) as { handler: NodeHandler };
  return handler;
}

/**
 * One web server: `/api/*` goes to the Hono app, `/_outbox` to the local mail list, brand images
 * to the bucket (as CloudFront does), everything else to the pages: the built app (`npm start`) or Vite's dev middleware (`npm run dev`).
 */
export async function startWebServer(port: number, pages?: NodeHandler): Promise<Server> {
  const kit = pages ?? (await builtPages());
  const api = getRequestListener(app.fetch);
  const server = createServer((req, res) => {
    if (req.url === '/api' || req.url?.startsWith('/api/')) return void api(req, res);
    if (req.url?.startsWith('/_outbox')) return void serveOutbox(req, res);
    if (isBrandImagePath(req.url)) return void serveBrandImage(req, res);
    if (req.url === '/_jobs/digest' && req.method === 'POST') return void runDigestNow(res);
    req.headers['x-forwarded-proto'] = 'http';
    kit(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the local stack has no edge in front, and /_outbox holds live sign-in links.
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
