import { z } from 'zod';
import { requireContributor } from '../authz.js';
import type { Ctx } from '../context.js';
import { hitInTransaction, tooMany } from '../ratelimit.js';
import {
  batchGet,
  ideas,
  itemAbsent,
  keyParts,
  keys,
  members,
  type Condition,
  votes,
  writeAllOrNothing,
} from '../db/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { IdeaId, trendWeight } from '../idea/index.js';
import { fn } from '../fn.js';
import { voteCounts } from './counts.js';

export { voteCounts } from './counts.js';
export { withdrawEveryVote } from './withdraw.js';

export const CastVote = z.object({
  ideaId: IdeaId,
  /** 1 for, -1 against (where the portal allows it), 0 to withdraw. */
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)]),
});

type Value = -1 | 0 | 1;

const MAX_ATTEMPTS = 5;

/**
 * One vote per member per idea. The vote item and the idea's counts and sort scores change in
 * one transaction conditioned on the vote we read, so a concurrent change makes us re-read and
 * retry instead of counting twice.
 */
export const castVote = /* @__PURE__ */ fn(
  requireContributor,
  CastVote,
  async (ctx, { ideaId, value }, member): Promise<{ value: Value }> => {
    if (value === -1 && ctx.tenant.votingMode !== 'updown') {
      throw new DomainError('downvotes_disabled', 400, say('vote.upOnly'), { value: say('vote.upOnly') });
    }
    const vote = [ctx.tenant.id, ideaId, member.memberId] as const;
    // Most votes are a member's first on the idea: try that without reading, read only if it was not.
    let previous = value === 0 ? undefined : { value: 0 as Value, weight: 0 };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (!previous) {
        const stored = await votes.get([...vote], { consistent: true });
        previous = { value: stored?.value ?? 0, weight: stored?.weight ?? 0 };
      }
      if (previous.value === value) {
        // Nothing to write; still, an id this portal does not know is a 404, not a silent success.
        if (!(await ideas.get([ctx.tenant.id, ideaId], { projection: 'pk' }))) throw notFound('idea');
        return { value };
      }
      const limit = hitInTransaction(ctx, 'write:account', member.memberId);
      const written = await writeAllOrNothing([
        ...voteWrites(ctx, ideaId, member.memberId, previous, value),
        limit.item,
        // An account being deleted votes no more: its deletion withdraws exactly the votes it holds (vote/withdraw.ts).
        members.check([ctx.tenant.id, member.memberId], {
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(leaving)',
        }),
      ]);
      if (written.ok) return { value };
      if (written.failed[3]) throw new DomainError('sign_in_required', 401, say('access.signIn'));
      if (written.failed[2]) throw tooMany(limit.retryAfter);
      if (written.failed[1]) throw notFound('idea');
      previous = undefined; // the member's vote was not what we assumed or read: read it again
    }
    throw new DomainError('vote_conflict', 409, say('vote.changed'));
  },
);

/** The vote's trend weight is stored with it, so withdrawing an old vote takes back exactly what it gave. */
export function voteWrites(
  ctx: Ctx,
  ideaId: string,
  memberId: string,
  previous: { value: Value; weight: number },
  value: Value,
) {
  const now = ctx.now ?? new Date();
  const weight = value === 0 ? 0 : value * trendWeight(now);
  const vote = [ctx.tenant.id, ideaId, memberId] as [string, string, string];
  const matchesPrevious: Condition =
    previous.value === 0
      ? itemAbsent
      : {
          ConditionExpression: '#value = :previous',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':previous': previous.value },
        };
  const voteWrite =
    value === 0
      ? votes.remove(vote, matchesPrevious)
      : votes.put(vote, { ideaId, memberId, value, weight, votedAt: now.toISOString() }, matchesPrevious);
  const up = (value === 1 ? 1 : 0) - (previous.value === 1 ? 1 : 0);
  const down = (value === -1 ? 1 : 0) - (previous.value === -1 ? 1 : 0);
  const counts = ideas.update([ctx.tenant.id, ideaId], {
    ...voteCounts({ up, down, trend: weight - previous.weight }),
    // Only a published idea takes votes: not a deleted one, one waiting for moderation, or a merged duplicate.
    ConditionExpression:
      'attribute_exists(pk) AND attribute_not_exists(deleted) AND attribute_not_exists(moderation) AND attribute_not_exists(mergedInto)',
  });
  return [voteWrite, counts];
}

/** The current member's vote on an idea, 0 when none. */
export async function getMyVote(ctx: Ctx, ideaId: string): Promise<Value> {
  if (ctx.actor.kind !== 'member') return 0;
  const stored = await votes.get([ctx.tenant.id, parseInput(IdeaId, ideaId), ctx.actor.memberId]);
  return stored?.value ?? 0;
}

/** Most ideas one list shows: a page of ideas is at most 50 (ListIdeas), search results fewer. */
const MAX_LISTED = 100;

/**
 * The current member's votes on the ideas of one list, by idea id (ideas without a vote are
 * absent): one BatchGet of the vote items by key, whatever the list's length. Nothing for a visitor.
 */
export async function myVotes(ctx: Ctx, ideaIds: readonly string[]): Promise<Record<string, 1 | -1>> {
  if (ctx.actor.kind !== 'member' || ideaIds.length === 0) return {};
  const ids = [...new Set(ideaIds.map((id) => parseInput(IdeaId, id)))];
  if (ids.length > MAX_LISTED) throw new DomainError('too_many_ideas', 400, say('input.invalid'));
  const memberId = ctx.actor.memberId;
  const found = await batchGet(
    ids.map((id) => keys.vote(ctx.tenant.id, id, memberId)),
    ['pk', 'value'],
  );
  // The idea is read from the key, which every vote item has (the key was asked for this member).
  return Object.fromEntries(
    found.map((vote) => [keyParts.ideaPartition(String(vote.pk))!.ideaId, vote.value === -1 ? -1 : 1]),
  );
}
