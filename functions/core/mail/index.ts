import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from '../config.js';
import type { Ctx } from '../context.js';
import { mails } from '../db/index.js';
import { newId } from '../ids.js';
import { logoPath, localized } from '../tenant/index.js';
import type { Lang } from '../tenant/index.js';
import { TEMPLATES, type TemplateName } from './templates.js';

export interface Message {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The link the message is about, so local tools and tests can follow it. */
  link: string;
  template: TemplateName;
  tenant: string;
  lang: Lang;
  sentAt: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** A message branded with the portal's name, logo and colours, in the recipient's language. */
export function composeMessage(
  ctx: Ctx,
  o: { to: string; lang: Lang; template: TemplateName; link: string; params: Record<string, string>; items?: string[] },
): Message {
  const { tenant } = ctx;
  const lang = tenant.languages.includes(o.lang) ? o.lang : tenant.defaultLang;
  const portal = localized(tenant.name, lang, tenant.defaultLang);
  const params = { ...o.params, portal };
  const t = TEMPLATES[o.template][lang];
  const [subject, intro, action, outro] = [t.subject, t.intro, t.action, t.outro].map((s) => fill(s, params)) as [
    string,
    string,
    string,
    string,
  ];
  const { primary, surface, text } = tenant.theme;
  const origin = ctx.request?.origin;
  const path = logoPath(tenant);
  const logo =
    path && origin
      ? `<img src="${escape(`${origin}${path}`)}" alt="" width="40" height="40" style="vertical-align:middle;margin-right:8px">`
      : '';
  const html = `<!doctype html><html lang="${lang}"><body style="margin:0;background:${surface};color:${text};font-family:system-ui,sans-serif">
<div style="max-width:560px;margin:auto;padding:24px"><p style="font-weight:700;font-size:18px;border-bottom:4px solid ${primary};padding-bottom:8px">${logo}${escape(portal)}</p>
<p>${escape(intro)}</p>${o.items?.length ? `<ul>${o.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : ''}<p><a href="${escape(o.link)}" style="display:inline-block;background:${primary};color:${surface};padding:12px 18px;border-radius:6px;text-decoration:none">${escape(action)}</a></p>
<p style="font-size:14px">${escape(outro)}</p><p style="font-size:12px;word-break:break-all">${escape(o.link)}</p></div></body></html>`;
  return {
    to: o.to,
    // The brand's chosen sender name, else the portal's name; quotes and angle brackets cannot break the header.
    from: `"${(tenant.senderName ?? portal).replace(/["<>\\\r\n]/g, '')}" <no-reply@${config().MAIL_FROM_DOMAIN}>`,
    subject,
    text: `${intro}\n${(o.items ?? []).map((i) => `- ${i}\n`).join('')}\n${action}: ${o.link}\n\n${outro}\n`,
    html,
    link: o.link,
    template: o.template,
    tenant: tenant.slug,
    lang,
    sentAt: (ctx.now ?? new Date()).toISOString(),
  };
}

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
export async function sendTemplate(ctx: Ctx, o: Parameters<typeof composeMessage>[1]): Promise<void> {
  const message = composeMessage(ctx, o);
  const id = newId();
  await mails.create([ctx.tenant.id, id], { tenantId: ctx.tenant.id, id, message, queuedAt: message.sentAt });
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
    await sendMessage(queued.message);
    await mails.delete([tenantId, id]);
  }
}

export { PHASE_NAMES, ROLE_NAMES, STATUS_NAMES } from './templates.js';
