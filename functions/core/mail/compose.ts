import { config } from '../config.js';
import type { Ctx } from '../context.js';
import { logoPath, localized } from '../tenant/index.js';
import type { Draft, Message } from './message.js';
import { TEMPLATES } from './templates.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** A message branded with the portal's name, logo and colours, in the recipient's language. */
export function composeMessage(ctx: Ctx, o: Omit<Draft, 'at' | 'origin'>): Message {
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
