import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from '../config.js';
import { system, type Ctx } from '../context.js';
import { mails, type QueuedMail } from '../db/index.js';
import { newId } from '../ids.js';
import { getTenantById } from '../tenant/index.js';
import { composeMessage } from './compose.js';
import type { Draft, Message } from './message.js';

export type { Draft, Message } from './message.js';
export { composeMessage } from './compose.js';

/** Sends through the environment's transport: the local outbox (a JSON file a message, newest last by name) or SES. */
async function sendMessage(message: Message): Promise<void> {
  if (config().MAIL_TRANSPORT === 'ses') {
    const { sendWithSes } = await import('./ses.js');
    return sendWithSes(message);
  }
  const dir = config().OUTBOX_DIR;
  await mkdir(dir, { recursive: true });
  const name = `${message.sentAt.replace(/[:.]/g, '-')}-${newId()}.json`;
  await writeFile(join(dir, name), JSON.stringify(message, null, 2));
}

/**
 * Queues the e-mail: the caller has committed what it describes, and the stream consumer sends
 * it (deliverMail). So a request never waits on SES nor fails with it, and the SES client stays
 * out of the request-path functions.
 */
export async function sendTemplate(ctx: Ctx, o: Omit<Draft, 'at' | 'origin'>): Promise<void> {
  const id = newId();
  const at = (ctx.now ?? new Date()).toISOString();
  const origin = ctx.request?.origin;
  // The draft, not the message: composing it (templates, branding) is the stream's work, so no request-path function carries the templates.
  await mails.create([ctx.tenant.id, id], {
    tenantId: ctx.tenant.id,
    id,
    draft: { ...o, ...(origin ? { origin } : {}), at },
    queuedAt: at,
  });
}

/** The message of a queued e-mail: written when queued (before drafts were queued), else composed from its draft now. */
async function messageOf(queued: QueuedMail): Promise<Message | undefined> {
  if (queued.message) return queued.message;
  const tenant = queued.draft && (await getTenantById(queued.tenantId));
  if (!tenant || !queued.draft) return undefined;
  const { origin, at, ...draft } = queued.draft;
  const request = origin ? { origin, address: 'stream' } : undefined;
  return composeMessage({ tenant, actor: system, ...(request ? { request } : {}), now: new Date(at) }, draft);
}

/**
 * The stream consumer of queued e-mails: each is sent, then leaves the queue. A redelivered batch
 * finds it gone and sends nothing; a failure to send fails the batch, which the stream retries
 * (at least once: an e-mail sent whose removal failed may go twice, never zero times).
 */
export async function deliverMail(changes: { kind: string; newImage?: Record<string, unknown> }[]): Promise<void> {
  for (const change of changes) {
    if (change.kind !== 'INSERT' || !mails.is(change.newImage)) continue;
    const { tenantId, id } = change.newImage;
    const queued = await mails.get([tenantId, id], { consistent: true });
    if (!queued) continue;
    const message = await messageOf(queued);
    if (message) await sendMessage(message);
    await mails.delete([tenantId, id]);
  }
}

export { PHASE_NAMES, ROLE_NAMES, STATUS_NAMES } from './templates.js';
