import { z } from 'zod';
import { requireContributor, requireReader } from '../authz.js';
import { nowIso, type Ctx } from '../context.js';
import { commentsOf, entryComments } from '../db/index.js';
import { DomainError, parseInput, say, says } from '../errors/index.js';
import { newId } from '../ids.js';
import { getByline } from '../member/index.js';
import { hit } from '../ratelimit.js';
import { blockedWordsIn } from '../text/index.js';
import { readChallenge } from './challenges.js';
import { getEntry } from './entries.js';
import { openIn, phaseAt } from './phase.js';

export const EntryCommentBody = z.object({ body: z.string().trim().min(1, says('challenge.commentEmpty')).max(4000) });

/** Members comment on the entries they may read, during the public review (Wilogo's public phase). */
export async function commentOnEntry(
  ctx: Ctx,
  challengeId: string,
  entryId: string,
  input: z.input<typeof EntryCommentBody>,
) {
  const member = requireContributor(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const entry = await getEntry(ctx, challenge.id, entryId);
  const { body } = parseInput(EntryCommentBody, input);
  if (!openIn('comment', phaseAt(challenge, ctx.now ?? new Date())))
    throw new DomainError('comments_closed', 409, say('challenge.commentsNotOpen'));
  if (blockedWordsIn(body, ctx.tenant.blockedWords ?? []).length)
    throw new DomainError('blocked_words', 400, say('challenge.commentBlocked'));
  await hit(ctx, 'write:account', member.memberId);
  const at = nowIso(ctx);
  const { authorName, authorPhoto } = await getByline(ctx, member.memberId);
  const comment = {
    id: newId(),
    entryId: entry.id,
    authorId: member.memberId,
    authorName,
    ...(authorPhoto ? { authorPhoto } : {}),
    body,
    at,
  };
  await entryComments.create([ctx.tenant.id, challenge.id, entry.id, at, comment.id], comment);
  return comment;
}

/** An entry's comments, oldest first, for whoever may read the entry. */
export async function listEntryComments(ctx: Ctx, challengeId: string, entryId: string) {
  requireReader(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const entry = await getEntry(ctx, challenge.id, entryId);
  const items = [];
  for await (const { id, authorId, authorName, authorPhoto, body, at } of commentsOf(
    ctx.tenant.id,
    challenge.id,
    entry.id,
  ))
    items.push({ id, authorId, authorName, ...(authorPhoto ? { authorPhoto } : {}), body, at });
  return { items };
}
