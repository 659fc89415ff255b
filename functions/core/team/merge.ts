import { z } from 'zod';
import { nextUpdatedAt, type Ctx } from '../context.js';
import {
  follows,
  ideas,
  itemAbsent,
  keys,
  statusChanges,
  votes,
  writeAllOrNothing,
  type Follow,
  type Vote,
} from '../db/index.js';
import { DomainError, invalidFields, parseInput, say } from '../errors/index.js';
import { IdeaId } from '../idea/index.js';
import { voteCounts } from '../vote/index.js';
import { readTeamIdea, requireTeam, reviseIdea } from './revise.js';

const KEPT_IDEA =
  'attribute_exists(pk) AND attribute_not_exists(mergedInto) AND attribute_not_exists(moderation) AND attribute_not_exists(deleted)';

export const MergeInput = z.object({ into: IdeaId }).strict();

/**
 * Merges a duplicate into the idea that is kept. First the duplicate is marked merged (from then
 * on it takes no vote: the vote transaction is conditioned on it), then each of its votes and
 * follows is carried over one by one, each in its own transaction that writes the kept idea's
 * vote only if the member has none there and marks the old vote carried. So a member who voted
 * for both counts once, a vote cast on the kept idea during the merge counts once, and running
 * the merge again (after a failure) carries only what was not carried yet.
 */
export async function mergeIdea(ctx: Ctx, sourceId: string, input: z.input<typeof MergeInput>) {
  requireTeam(ctx);
  const { into } = parseInput(MergeInput, input);
  if (into === sourceId)
    throw invalidFields({
      into: say('idea.mergeIntoItself'),
    });
  const target = await readTeamIdea(ctx, into);
  if (target.status === 'merged' || target.moderation) {
    throw invalidFields({
      into: say('idea.mergeTarget'),
    });
  }
  const source = await reviseIdea(ctx, sourceId, (idea) => {
    if (idea.mergedInto === into) return undefined; // already marked: go on carrying what is left
    if (idea.mergedInto) throw new DomainError('already_merged', 409, say('idea.alreadyMerged'));
    const at = nextUpdatedAt(ctx, idea);
    const byName = ctx.actor.kind === 'member' ? (ctx.actor.displayName ?? '') : '';
    return {
      next: { ...idea, status: 'merged', mergedInto: into, updatedAt: at },
      extra: { statusChangedBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : 'system' },
      alongside: [
        statusChanges.put([ctx.tenant.id, idea.id, at], {
          from: idea.status,
          to: 'merged',
          byName,
          at,
          mergedInto: into,
        }),
        // The kept idea must still be a published idea when this one is marked: two opposite merges cannot both win.
        ideas.check([ctx.tenant.id, into], { ConditionExpression: KEPT_IDEA }),
      ],
      audit: { action: 'idea.merge', detail: { into, intoTitle: target.title } },
    };
  });
  const carriedVotes = await carry(ctx, source.id, into, 'vote');
  const carriedFollows = await carry(ctx, source.id, into, 'follow');
  return {
    merged: source.id,
    into,
    votesCarried: carriedVotes.carried,
    votesAlreadyThere: carriedVotes.skipped,
    followsCarried: carriedFollows.carried,
  };
}

type Place = [tenantId: string, ideaId: string, memberId: string];

/** What a merge carries: each member's vote and follow, with what it adds to the kept idea's counts. */
const CARRIED = {
  vote: {
    entity: votes,
    prefix: keys.votePrefix,
    copy: (place: Place, item: Record<string, unknown>) => votes.put(place, item as unknown as Vote, itemAbsent),
    counts: (item: Record<string, unknown>) =>
      voteCounts({
        up: item.value === 1 ? 1 : 0,
        down: item.value === -1 ? 1 : 0,
        trend: Number(item.weight ?? 0),
      }),
  },
  follow: {
    entity: follows,
    prefix: keys.followPrefix,
    copy: (place: Place, item: Record<string, unknown>) => follows.put(place, item as unknown as Follow, itemAbsent),
    counts: () => ({ UpdateExpression: 'ADD followerCount :one', ExpressionAttributeValues: { ':one': 1 } }),
  },
} as const;

async function carry(ctx: Ctx, sourceId: string, targetId: string, kind: keyof typeof CARRIED) {
  const { entity, prefix, copy, counts } = CARRIED[kind];
  let carried = 0;
  let skipped = 0;
  // Every vote written before the duplicate was marked merged must be seen here.
  const notCarried = { ConditionExpression: 'attribute_not_exists(carried)' };
  for await (const item of entity.ofIdea(ctx.tenant.id, sourceId, { consistent: true, filter: notCarried })) {
    const memberId = String(item.sk).slice(prefix.length);
    const markCarried = entity.update([ctx.tenant.id, sourceId, memberId], {
      UpdateExpression: 'SET carried = :to',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(carried)',
      ExpressionAttributeValues: { ':to': targetId },
    });
    const { pk: _pk, sk: _sk, type: _type, carried: _c, ownerKey: _ok, ownerSort: _os, ...rest } = item;
    // A member's votes and follows list the kept idea now (the entity writes its owner keys; anonymised votes have none).
    const copied = copy([ctx.tenant.id, targetId, memberId], { ...rest, ideaId: targetId, carriedFrom: sourceId });
    const added = ideas.update([ctx.tenant.id, targetId], { ...counts(item), ConditionExpression: KEPT_IDEA });
    const written = await writeAllOrNothing([copied, added, markCarried]);
    if (written.ok) carried++;
    else if (written.failed[2])
      continue; // carried meanwhile by another run of this merge
    else if (written.failed[1]) throw new DomainError('conflict', 409, say('idea.mergeTargetChanged'));
    else {
      // The member already has a vote (or follow) on the kept idea: it stays as it is, counted once.
      await writeAllOrNothing([markCarried]);
      skipped++;
    }
  }
  return { carried, skipped };
}
