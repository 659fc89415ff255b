import { z } from 'zod';
import type { Ctx } from '../context.js';
import {
  assignments,
  batchGet,
  decodeCursor,
  encodeCursor,
  entityTypeOf,
  flagTargets,
  ideas,
  keyParts,
  keys,
} from '../db/index.js';
import { parseInput } from '../errors/index.js';
import { requireTeam } from './revise.js';

export const QUEUES = ['moderation', 'flagged', 'new', 'assigned'] as const;
export const ListQueue = z.object({
  queue: z.enum(QUEUES),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export interface QueueItem {
  /** `idea:<id>` or `comment:<id>`: what a moderation decision names. */
  target: string;
  ideaId: string;
  title: string;
  excerpt: string;
  authorName: string;
  authorId: string;
  at: string;
  flags?: number;
  reason?: string;
}

/** One page of a queue, oldest first (the team works from the front), from the entity that lists it. */
function readQueue(
  ctx: Ctx,
  queue: (typeof QUEUES)[number],
  memberId: string,
  page: { limit: number; start?: Record<string, unknown> },
) {
  switch (queue) {
    case 'moderation': // held ideas and held comments, in the order they were written
      return ideas.query({ index: 'byQueue', key: keys.queue(ctx.tenant.id, 'MODERATION') }, page);
    case 'flagged':
      return flagTargets.query({ index: 'byQueue', key: keys.queue(ctx.tenant.id, 'FLAGGED') }, page);
    case 'assigned':
      return assignments.query({ index: 'byQueue', key: keys.assignedQueue(ctx.tenant.id, memberId) }, page);
    case 'new':
      return ideas.withStatus(ctx.tenant.id, 'new', { ...page, descending: false });
  }
}

const excerpt = (text: unknown) => {
  const s = String(text ?? '');
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
};

/**
 * One of the team's queues, a page at a time: ideas and comments awaiting moderation, flagged ideas and
 * comments (with their number of flags), new ideas not yet reviewed, ideas assigned to me.
 * Each is one Query on an index; flagged and assigned entries are completed by one BatchGet.
 */
export async function listQueue(
  ctx: Ctx,
  input: z.input<typeof ListQueue>,
): Promise<{ items: QueueItem[]; cursor: string | null }> {
  const actor = requireTeam(ctx);
  const { queue, cursor, limit } = parseInput(ListQueue, input);
  const start = decodeCursor(ctx.tenant.id, `queue:${queue}:${actor.memberId}`, cursor);
  const { items: entries, last } = await readQueue(ctx, queue, actor.memberId, { limit, start });
  const items =
    queue === 'moderation' || queue === 'new'
      ? entries.map((entry) => (entityTypeOf(entry) === 'comment' ? heldCommentEntry(entry) : ideaEntry(entry)))
      : await completeEntries(ctx, entries as Record<string, unknown>[]);
  return { items, cursor: encodeCursor(ctx.tenant.id, `queue:${queue}:${actor.memberId}`, last) };
}

function ideaEntry(idea: Record<string, unknown>): QueueItem {
  return {
    target: `idea:${idea.id}`,
    ideaId: String(idea.id),
    title: String(idea.title),
    excerpt: excerpt(idea.body),
    authorName: String(idea.authorName),
    authorId: String(idea.authorId),
    at: String(idea.createdAt),
  };
}

/** A held comment names itself; its idea is where the team reads it in context. */
function heldCommentEntry(comment: Record<string, unknown>): QueueItem {
  return {
    target: `comment:${comment.id}`,
    ideaId: String(comment.ideaId),
    title: '',
    excerpt: excerpt(comment.body),
    authorName: String(comment.authorName),
    authorId: String(comment.authorId),
    at: String(comment.createdAt),
  };
}

/** Flag targets and assignments name an idea or a comment: read those in one BatchGet. */
async function completeEntries(ctx: Ctx, entries: Record<string, unknown>[]): Promise<QueueItem[]> {
  if (!entries.length) return [];
  const refs = entries.map((e) => (e.target ? String(e.target) : `idea:${e.ideaId}`));
  const wanted = new Map<string, { pk: string; sk: string }>();
  for (const ref of refs) {
    const [kind, id] = ref.split(':') as [string, string];
    wanted.set(ref, kind === 'idea' ? keys.idea(ctx.tenant.id, id) : keys.commentRef(ctx.tenant.id, id));
  }
  const found = byKey(await batchGet([...wanted.values()]));
  // Comments are found through their reference item; read the comments themselves next.
  const commentKeys = [...found.values()]
    .filter((i) => entityTypeOf(i) === 'commentRef')
    .map((r) =>
      keys.comment(ctx.tenant.id, String(r.ideaId), String(r.createdAt), keyParts.commentRefId(String(r.pk))!),
    );
  const comments = byKey(await batchGet(commentKeys));
  return entries.flatMap((entry, i) => {
    const ref = refs[i]!;
    const key = wanted.get(ref)!;
    let item = found.get(`${key.pk}|${key.sk}`);
    if (item && entityTypeOf(item) === 'commentRef') {
      const commentKey = keys.comment(ctx.tenant.id, String(item.ideaId), String(item.createdAt), ref.split(':')[1]!);
      item = comments.get(`${commentKey.pk}|${commentKey.sk}`);
    }
    if (!item || item.deleted) return [];
    return [
      {
        target: ref,
        ideaId: String(item.ideaId ?? item.id),
        title: String(item.title ?? ''),
        excerpt: excerpt(item.body),
        authorName: String(item.authorName),
        authorId: String(item.authorId),
        at: String(entry.queueSort ?? item.createdAt),
        ...(entry.flags ? { flags: Number(entry.flags), reason: String(entry.lastReason) } : {}),
      },
    ];
  });
}

const byKey = (items: Record<string, unknown>[]) => new Map(items.map((item) => [`${item.pk}|${item.sk}`, item]));
