import type { z } from 'zod';
import { countWrite } from '../ratelimit.js';
import { nowIso, requireMember, type Ctx } from '../context.js';
import {
  itemAbsent,
  itemExists,
  threadMessages,
  threadQueueSort,
  threads,
  writeAllOrNothing,
  type Write,
} from '../db/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { ownReadyUpload, writeAttaching, type UploadInfo } from '../upload/index.js';
import { isOfferTeam, ownedByPartners, partnerIdsOf, requireOfferTeam } from './access.js';
import { getOffer } from './offers.js';
import { MessageInput, OfferId, ThreadStateInput, type ThreadState } from './schema.js';

/*
 * "Express interest" opens the private thread between the brand's team and the organisation
 * behind an offer: one thread per offer, so it shares the offer's id. Only the two sides read
 * it; to anyone else it does not exist (404, whatever the id).
 */

export type Side = 'team' | 'partner';

export interface Thread {
  id: string;
  offerId: string;
  offerTitle: string;
  partnerId: string;
  partnerName: string;
  state: ThreadState;
  createdAt: string;
  lastMessageAt: string;
}

export interface ThreadMessage {
  id: string;
  kind: 'message' | 'state';
  body?: string;
  state?: ThreadState;
  attachments: UploadInfo[];
  by: string;
  byName: string;
  /** The writer's face (keys.face), as it was when they wrote. */
  byPhoto?: string;
  side: Side;
  at: string;
}

const threadOf = (item: Record<string, unknown>): Thread => ({
  id: String(item.id),
  offerId: String(item.offerId),
  offerTitle: String(item.offerTitle),
  partnerId: String(item.partnerId),
  partnerName: String(item.partnerName),
  state: item.state as ThreadState,
  createdAt: String(item.createdAt),
  lastMessageAt: String(item.lastMessageAt),
});
const messageOf = (item: Record<string, unknown>): ThreadMessage => ({
  id: String(item.id),
  kind: item.kind as ThreadMessage['kind'],
  body: item.body as string | undefined,
  state: item.state as ThreadState | undefined,
  attachments: (item.attachments as UploadInfo[] | undefined) ?? [],
  by: String(item.by),
  byName: String(item.byName),
  ...(typeof item.byPhoto === 'string' ? { byPhoto: item.byPhoto } : {}),
  side: item.side as Side,
  at: String(item.at),
});

/** The thread and the side the caller is on; a 404 for anyone on neither side. */
async function myThread(ctx: Ctx, threadIdInput: string): Promise<{ thread: Thread; side: Side }> {
  requireMember(ctx);
  const threadId = parseInput(OfferId, threadIdInput);
  const item = await threads.get([ctx.tenant.id, threadId], { consistent: true });
  if (item) {
    if (isOfferTeam(ctx)) return { thread: threadOf(item), side: 'team' };
    if ((await partnerIdsOf(ctx)).includes(item.partnerId)) return { thread: threadOf(item), side: 'partner' };
  }
  throw notFound('thread');
}

const actorName = (ctx: Ctx) => (ctx.actor.kind === 'member' ? (ctx.actor.displayName ?? '') : 'system');

/** The message item and the thread's move to the top of the inbox, written together. */
function messageWrites(
  ctx: Ctx,
  thread: Thread,
  side: Side,
  message: Omit<ThreadMessage, 'by' | 'byName' | 'byPhoto' | 'side' | 'at' | 'id'>,
  extra: Record<string, unknown> = {},
): { writes: Write[]; message: ThreadMessage } {
  const member = requireMember(ctx);
  const at = nowIso(ctx);
  const full: ThreadMessage = {
    ...message,
    id: newId(),
    by: member.memberId,
    byName: actorName(ctx),
    ...(member.photo ? { byPhoto: member.photo } : {}),
    side,
    at,
  };
  const sets = ['lastMessageAt = :at', 'queueSort = :qs', ...Object.keys(extra).map((k) => `#${k} = :${k}`)];
  return {
    message: full,
    writes: [
      threadMessages.put(
        [ctx.tenant.id, thread.id, at, full.id],
        { ...full, threadId: thread.id, partnerId: thread.partnerId },
        itemAbsent,
      ),
      threads.update([ctx.tenant.id, thread.id], {
        UpdateExpression: `SET ${sets.join(', ')}${side === 'team' ? ' ADD teamPeople :me' : ''}`,
        ...itemExists,
        ...(Object.keys(extra).length
          ? { ExpressionAttributeNames: Object.fromEntries(Object.keys(extra).map((k) => [`#${k}`, k])) }
          : {}),
        ExpressionAttributeValues: {
          ':at': at,
          ':qs': threadQueueSort(at, thread.id),
          ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`:${k}`, v])),
          ...(side === 'team' ? { ':me': new Set([member.memberId]) } : {}),
        },
      }),
    ],
  };
}

/** A team member opens (or reopens) the conversation about an offer, with an optional first message. */
export async function expressInterest(ctx: Ctx, offerId: string, input: { body?: unknown } = {}): Promise<Thread> {
  requireOfferTeam(ctx);
  const member = requireMember(ctx);
  await countWrite(ctx);
  // A bad first message is refused before anything is written.
  const first =
    typeof input.body === 'string' && input.body.trim() ? parseInput(MessageInput, { body: input.body }) : undefined;
  const offer = await getOffer(ctx, offerId);
  if (offer.state !== 'published') throw new DomainError('not_published', 409, say('offer.notPublished'));
  const at = nowIso(ctx);
  const thread: Thread = {
    id: offer.id,
    offerId: offer.id,
    offerTitle: offer.title,
    partnerId: offer.partnerId,
    partnerName: offer.partnerName,
    state: 'new',
    createdAt: at,
    lastMessageAt: at,
  };
  const created = await threads.createOnce([ctx.tenant.id, thread.id], {
    ...thread,
    teamPeople: new Set([member.memberId]),
  });
  // Opened before: the one thread of this offer.
  const opened = created ? thread : (await myThread(ctx, thread.id)).thread;
  if (first) await writeMessage(ctx, opened, 'team', first);
  return opened;
}

/** The team sees every thread, most recent activity first; a partner the threads of its organisations. */
export async function listThreads(ctx: Ctx): Promise<Thread[]> {
  requireMember(ctx);
  if (isOfferTeam(ctx)) {
    const { items } = await threads.inbox(ctx.tenant.id);
    return items.map(threadOf);
  }
  const mine = await partnerIdsOf(ctx);
  if (!mine.length) throw new DomainError('forbidden', 403, say('offer.threadsForTeam'));
  return (await ownedByPartners(ctx.tenant.id, mine, 'THREAD'))
    .map(threadOf)
    .sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
}

/** A thread with its messages in order, for its two sides only. */
export async function getThread(
  ctx: Ctx,
  threadId: string,
): Promise<{ thread: Thread; side: Side; messages: ThreadMessage[] }> {
  const { thread, side } = await myThread(ctx, threadId);
  const { items } = await threadMessages.ofThread(ctx.tenant.id, thread.id);
  return { thread, side, messages: items.map(messageOf) };
}

export async function postMessage(
  ctx: Ctx,
  threadId: string,
  input: z.input<typeof MessageInput>,
): Promise<ThreadMessage> {
  const { thread, side } = await myThread(ctx, threadId);
  await countWrite(ctx);
  return writeMessage(ctx, thread, side, parseInput(MessageInput, input));
}

async function writeMessage(
  ctx: Ctx,
  thread: Thread,
  side: Side,
  { body, attachmentIds }: z.output<typeof MessageInput>,
): Promise<ThreadMessage> {
  const attachments = await Promise.all([...new Set(attachmentIds)].map((id) => ownReadyUpload(ctx, id)));
  const { writes, message } = messageWrites(ctx, thread, side, { kind: 'message', body, attachments });
  const written = await writeAttaching(ctx, writes, attachments);
  if (!written.ok) throw notFound('thread');
  return message;
}

/** Either side moves the thread along (new, in discussion, under NDA, agreement, closed); the change is written into the thread. */
export async function setThreadState(
  ctx: Ctx,
  threadId: string,
  input: z.input<typeof ThreadStateInput>,
): Promise<Thread> {
  const { thread, side } = await myThread(ctx, threadId);
  await countWrite(ctx);
  const { state } = parseInput(ThreadStateInput, input);
  if (state === thread.state) return thread;
  const { writes } = messageWrites(ctx, thread, side, { kind: 'state', state, attachments: [] }, { state });
  const written = await writeAllOrNothing(writes);
  if (!written.ok) throw notFound('thread');
  return { ...thread, state };
}

/** An attachment of a message, for the thread's two sides only. */
export async function threadAttachmentOwner(ctx: Ctx, threadId: string, uploadId: string): Promise<void> {
  const { messages } = await getThread(ctx, threadId);
  if (!messages.some((m) => m.attachments.some((a) => a.id === uploadId))) throw notFound('upload');
}
