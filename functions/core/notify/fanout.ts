import { system } from '../context.js';
import { firstPublished } from '../comment/index.js';
import { commentRefs, entityTypeOf, follows, ideas, keyParts, members, votes } from '../db/index.js';
import { sendTemplate, STATUS_NAMES } from '../mail/index.js';
import type { Member } from '../member/index.js';
import { getTenantById, portalAddress, type Tenant } from '../tenant/index.js';
import type { Change } from '../stream/index.js';
import { createNotification, type Notification, type NotificationKind } from './notifications.js';

type Image = Record<string, unknown>;

/**
 * The notification fan-out, off the request path: the table's stream calls it in AWS, the local
 * stream poller calls it locally. A new comment tells the idea's author (and, for a reply, the
 * parent comment's author) once everyone can read it: when posted, or when the team approves it
 * if it was held; a status change tells the author, the voters and the followers.
 */
export async function handleChanges(changes: Change[]): Promise<void> {
  for (const change of changes) {
    const item = change.newImage;
    const tenantId = item && keyParts.tenantOf(String(item.pk));
    if (!item || !tenantId) continue;
    const entity = entityTypeOf(item);
    if (entity === 'comment' && firstPublished(change.oldImage, item)) await onComment(change.id, tenantId, item);
    if (change.kind === 'MODIFY' && entity === 'idea' && change.oldImage && change.oldImage.status !== item.status) {
      await onStatusChange(change.id, tenantId, item);
    }
  }
}

async function onComment(eventId: string, tenantId: string, comment: Image) {
  const ideaId = String(comment.ideaId);
  const idea = await ideas.get([tenantId, ideaId]);
  if (!idea) return;
  const recipients = new Map<string, NotificationKind>();
  if (comment.parentId) {
    const parent = await commentRefs.get([tenantId, String(comment.parentId)]);
    if (parent) recipients.set(String(parent.authorId), 'reply');
  }
  if (!recipients.has(String(idea.authorId))) recipients.set(String(idea.authorId), 'comment');
  recipients.delete(String(comment.authorId));
  const actorName = String(comment.authorName);
  await deliver(
    eventId,
    tenantId,
    recipients,
    {
      ideaId,
      ideaTitle: String(idea.title),
      actorName,
      ...(typeof comment.authorPhoto === 'string' ? { actorPhoto: comment.authorPhoto } : {}),
      createdAt: String(comment.createdAt),
    },
    {
      path: `/ideas/${ideaId}`,
      params: () => ({ actor: actorName, idea: String(idea.title) }),
    },
  );
}

async function onStatusChange(eventId: string, tenantId: string, idea: Image) {
  // A held or deleted idea tells no one: its title must not reach followers by e-mail.
  if (idea.deleted || idea.moderation) return;
  const ideaId = String(idea.id);
  const [voters, followers] = await Promise.all([
    votes.votersOf(tenantId, ideaId),
    follows.followersOf(tenantId, ideaId),
  ]);
  const recipients = new Map<string, NotificationKind>(
    [String(idea.authorId), ...voters, ...followers].map((id) => [id, 'status']),
  );
  if (idea.statusChangedBy) recipients.delete(String(idea.statusChangedBy));
  const status = String(idea.status);
  await deliver(
    eventId,
    tenantId,
    recipients,
    { ideaId, ideaTitle: String(idea.title), status, createdAt: String(idea.updatedAt) },
    {
      path: `/ideas/${ideaId}`,
      params: (lang) => ({ idea: String(idea.title), status: STATUS_NAMES[lang][status] ?? status }),
    },
  );
}

const portalOrigin = (tenant: Tenant) => portalAddress(tenant.slug);

/** What an e-mail says beyond the notification: where its button leads and its wording's values. */
export interface MailOf {
  path: string;
  params: (lang: Member['lang']) => Record<string, string>;
}

/**
 * Notifies each recipient once per event (in-app, and by e-mail for those who chose instant
 * e-mails). Used by the idea fan-out here and by the offers' stream consumer.
 */
export async function deliver(
  eventId: string,
  tenantId: string,
  recipients: Map<string, NotificationKind>,
  n: Omit<Notification, 'id' | 'read' | 'kind'>,
  mail: MailOf,
) {
  recipients.delete('deleted');
  if (recipients.size === 0) return;
  const tenant = await getTenantById(tenantId);
  if (!tenant) return;
  for (const [memberId, kind] of recipients) {
    const member = await members.get([tenantId, memberId]);
    if (!member) continue;
    const created = await createNotification(tenantId, memberId, { kind, ...n }, `${eventId}:${memberId}`);
    if (!created || member.emailPrefs !== 'instant') continue;
    const lang = member.lang;
    const origin = portalOrigin(tenant);
    await sendTemplate(
      { tenant, actor: system, request: { origin, address: 'stream' } },
      {
        to: member.email,
        lang,
        template: kind,
        link: `${origin}${mail.path}`,
        params: { name: member.displayName, ...mail.params(lang) },
      },
    );
  }
}
