import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { config } from '../core/config.js';
import type { Message } from '../core/mail/index.js';

/** The messages of the local outbox, newest first (file names start with the send time). */
export async function readOutbox(): Promise<(Message & { file: string })[]> {
  const dir = config().OUTBOX_DIR;
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse();
  return Promise.all(
    files.map(async (file) => ({ file, ...(JSON.parse(await readFile(join(dir, file), 'utf8')) as Message) })),
  );
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Local server only: `/_outbox` lists the e-mails the portal "sent", `/_outbox/<file>` shows one. */
export async function serveOutbox(req: IncomingMessage, res: ServerResponse) {
  const messages = await readOutbox();
  const name = decodeURIComponent((req.url ?? '').replace(/^\/_outbox\/?/, '').split('?')[0] ?? '');
  res.setHeader('content-type', 'text/html; charset=utf-8');
  const one = name && messages.find((m) => m.file === name);
  if (one) return void res.end(one.html);
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escape(m.sentAt)}</td><td>${escape(m.tenant)}</td><td>${escape(m.to)}</td><td><a href="/_outbox/${encodeURIComponent(m.file)}">${escape(m.subject)}</a></td><td><a href="${escape(m.link)}">link</a></td></tr>`,
    )
    .join('');
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local outbox</title><style>body{font:16px system-ui;margin:2rem}td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}</style></head>
<body><h1>Local outbox</h1><p>E-mails the portal sent on this machine (${messages.length}), newest first.</p>
<table><thead><tr><th>sent</th><th>portal</th><th>to</th><th>subject</th><th>link</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
}
