import { system } from '../context.js';
import { digestMarkers, everyTenantId, members, notifications } from '../db/index.js';
import { sendTemplate, PHASE_NAMES, STATUS_NAMES } from '../mail/index.js';
import type { Member } from '../member/index.js';
import type { Tenant } from '../tenant/index.js';
import { getTenantById, portalAddress } from '../tenant/index.js';
import type { Notification } from './notifications.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The ISO week a digest belongs to, e.g. 2026-W48: one digest per member and week, even if the job runs twice. */
function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return `${d.getUTCFullYear()}-W${String(Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)).padStart(2, '0')}`;
}

function line(n: Notification, lang: Member['lang']): string {
  if (n.kind === 'status') return `${n.ideaTitle} → ${STATUS_NAMES[lang][n.status ?? ''] ?? n.status}`;
  if (n.kind === 'offer_match') return `${n.offerTitle} · ${n.searchName ?? ''}`;
  if (n.kind === 'thread_message') return `${n.offerTitle} · ${n.actorName ?? ''}`;
  if (n.kind === 'challenge_phase') return `${n.challengeTitle} → ${PHASE_NAMES[lang][n.phase ?? ''] ?? n.phase}`;
  if (n.kind === 'challenge_result') return `${n.challengeTitle} · #${n.rank ?? ''}`;
  if (n.kind === 'challenge_adjustment') return `${n.challengeTitle}`;
  return `${n.ideaTitle} · ${n.actorName ?? ''}`;
}

/**
 * The weekly digest of one portal: each member who chose it gets one e-mail listing their unread
 * notifications of the last seven days (nothing when there are none). A marker item per member
 * and week makes a second run of the same week send nothing.
 */
export async function sendDigests(tenant: Tenant, now = new Date()): Promise<number> {
  const week = weekOf(now);
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const origin = portalAddress(tenant.slug);
  let sent = 0;
  for await (const member of members.ofPortal(tenant.id)) {
    if (member.emailPrefs !== 'digest') continue;
    const unread: Notification[] = [];
    for await (const n of notifications.unreadOf(tenant.id, member.id)) if (n.createdAt >= since) unread.push(n);
    if (unread.length === 0) continue;
    const first = await digestMarkers.createOnce([tenant.id, member.id, week], {
      sentAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + 60 * 86_400,
    });
    if (!first) continue;
    await sendTemplate(
      { tenant, actor: system, request: { origin, address: 'schedule' }, now },
      {
        to: member.email,
        lang: member.lang,
        template: 'digest',
        link: `${origin}/notifications`,
        params: { name: member.displayName, count: String(unread.length) },
        items: unread.slice(0, 15).map((n) => line(n, member.lang)),
      },
    );
    sent++;
  }
  return sent;
}

/** The weekly job over every portal (EventBridge in AWS, a timer locally). */
export async function sendAllDigests(now = new Date()): Promise<number> {
  let sent = 0;
  for await (const tenantId of everyTenantId()) {
    const tenant = await getTenantById(tenantId);
    if (tenant) sent += await sendDigests(tenant, now);
  }
  return sent;
}
