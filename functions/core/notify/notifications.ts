import { createHash } from 'node:crypto';
import { z } from 'zod';
import { requireMember, type Ctx } from '../context.js';
import {
  decodeCursor,
  encodeCursor,
  itemAbsent,
  notifications,
  unreadCounters,
  writeAllOrNothing,
} from '../db/index.js';
import { newId } from '../ids.js';
import { fn } from '../fn.js';

export type NotificationKind =
  | 'comment'
  | 'reply'
  | 'status'
  | 'offer_match'
  | 'thread_message'
  | 'challenge_phase'
  | 'challenge_adjustment'
  | 'challenge_result';

export interface Notification {
  id: string;
  kind: NotificationKind;
  /** Idea notifications name the idea; offer ones the offer (and the saved search or thread). */
  ideaId?: string;
  ideaTitle?: string;
  offerId?: string;
  offerTitle?: string;
  searchName?: string;
  /** Challenge notifications name the challenge (in the portal's language), its new phase, a laureate's rank. */
  challengeId?: string;
  challengeTitle?: string;
  phase?: string;
  rank?: number;
  threadId?: string;
  actorName?: string;
  /** The commenter's face (keys.face), as it was when they wrote. */
  actorPhoto?: string;
  status?: string;
  read: boolean;
  createdAt: string;
}

/** What a member reads of a stored notification: named fields only (no keys, no dedupe marker). */
const NOTIFICATION_FIELDS = [
  'id',
  'kind',
  'ideaId',
  'ideaTitle',
  'offerId',
  'offerTitle',
  'searchName',
  'challengeId',
  'challengeTitle',
  'phase',
  'rank',
  'threadId',
  'actorName',
  'actorPhoto',
  'status',
  'read',
  'createdAt',
] as const satisfies readonly (keyof Notification)[];

/**
 * Writes one notification and counts it unread, together. With a dedupe key (the stream event
 * and the recipient), a redelivered event writes nothing the second time: returns undefined.
 */
export async function createNotification(
  tenantId: string,
  memberId: string,
  n: Omit<Notification, 'id' | 'read'>,
  dedupeKey?: string,
): Promise<Notification | undefined> {
  const id = dedupeKey ? createHash('sha256').update(dedupeKey).digest('hex').slice(0, 20) : newId();
  const notification: Notification = { ...n, id, read: false };
  const written = await writeAllOrNothing([
    notifications.put([tenantId, memberId, n.createdAt, id], notification, itemAbsent),
    unreadCounters.add(tenantId, memberId, 1),
  ]);
  return written.ok ? notification : undefined;
}

export const ListNotifications = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The signed-in member's notifications, unread first, newest first. */
export const listNotifications = /* @__PURE__ */ fn(
  requireMember,
  ListNotifications,
  async (ctx, { cursor, limit }, member) => {
    const { items: stored, last } = await notifications.pageOf(ctx.tenant.id, member.memberId, {
      limit,
      start: decodeCursor(ctx.tenant.id, `notifications:${member.memberId}`, cursor),
    });
    const items = stored.map(
      (item) => Object.fromEntries(NOTIFICATION_FIELDS.map((field) => [field, item[field]])) as unknown as Notification,
    );
    return { items, cursor: encodeCursor(ctx.tenant.id, `notifications:${member.memberId}`, last) };
  },
);

/** The number shown in the header: one GetItem on the member's counter. */
export async function unreadCount(ctx: Ctx): Promise<number> {
  if (ctx.actor.kind !== 'member') return 0;
  const counter = await unreadCounters.get([ctx.tenant.id, ctx.actor.memberId]);
  return Math.max(0, counter?.unread ?? 0);
}

export const MarkRead = z.object({
  ids: z
    .array(z.string().regex(/^[0-9a-z]{20}$/))
    .max(100)
    .optional(),
});

/** Marks some (or all unread) notifications read; each moves behind the unread ones and the counter drops with it. */
export const markRead = /* @__PURE__ */ fn(requireMember, MarkRead, async (ctx, { ids }, member): Promise<number> => {
  const unread: Notification[] = [];
  for await (const item of notifications.unreadOf(ctx.tenant.id, member.memberId)) unread.push(item);
  let marked = 0;
  for (const item of unread.filter((i) => !ids || ids.includes(i.id))) {
    const written = await writeAllOrNothing([
      notifications.markRead(ctx.tenant.id, member.memberId, item),
      unreadCounters.add(ctx.tenant.id, member.memberId, -1),
    ]);
    if (written.ok) marked++;
  }
  return marked;
});
