import { z } from 'zod';
import { nextUpdatedAt, type Ctx } from '../context.js';
import { keys, queryAll, writeAllOrNothing } from '../db/index.js';
import { DomainError, invalidFields, parseInput, say } from '../errors/index.js';
import { IdeaId } from '../idea/index.js';
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
        {
          Put: {
            Item: {
              ...keys.statusChange(ctx.tenant.id, idea.id, at),
              from: idea.status,
              to: 'merged',
              byName,
              at,
              mergedInto: into,
            },
          },
        },
        // The kept idea must still be a published idea when this one is marked: two opposite merges cannot both win.
        { ConditionCheck: { Key: keys.idea(ctx.tenant.id, into), ConditionExpression: KEPT_IDEA } },
      ],
      audit: { action: 'idea.merge', detail: { into, intoTitle: target.title } },
    };
  });
  const votes = await carry(ctx, source.id, into, keys.votePrefix);
  const follows = await carry(ctx, source.id, into, keys.followPrefix);
  return {
    merged: source.id,
    into,
    votesCarried: votes.carried,
    votesAlreadyThere: votes.skipped,
    followsCarried: follows.carried,
  };
}

async function carry(ctx: Ctx, sourceId: string, targetId: string, prefix: string) {
  let carried = 0;
  let skipped = 0;
  for await (const item of queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    FilterExpression: 'attribute_not_exists(carried)',
    // Every vote written before the duplicate was marked merged must be seen here.
    ConsistentRead: true,
    ExpressionAttributeValues: { ':pk': keys.ideaPartition(ctx.tenant.id, sourceId), ':p': prefix },
  })) {
    const memberId = String(item.sk).slice(prefix.length);
    const markCarried = {
      Update: {
        Key: { pk: String(item.pk), sk: String(item.sk) },
        UpdateExpression: 'SET carried = :to',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(carried)',
        ExpressionAttributeValues: { ':to': targetId },
      },
    };
    const isVote = prefix === keys.votePrefix;
    const { pk: _pk, sk: _sk, carried: _c, ownerSort: _os, ...rest } = item;
    const copy = {
      Put: {
        Item: {
          ...(isVote ? keys.vote(ctx.tenant.id, targetId, memberId) : keys.follow(ctx.tenant.id, targetId, memberId)),
          ...rest,
          ...(isVote ? { ideaId: targetId } : {}),
          carriedFrom: sourceId,
          // A member's votes and follows list the kept idea now (anonymised votes have no owner).
          ...(item.ownerKey
            ? {
                ownerSort: isVote
                  ? keys.ownerSort('VOTE', String(item.votedAt), targetId)
                  : keys.ownerSort('FOLLOW', String(item.followedAt), targetId),
              }
            : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const value = Number(item.value ?? 0);
    const counts = {
      Update: {
        Key: keys.idea(ctx.tenant.id, targetId),
        UpdateExpression: isVote
          ? 'ADD upVotes :up, downVotes :down, topScore :score, trendScore :trend'
          : 'ADD followerCount :one',
        ConditionExpression: KEPT_IDEA,
        ExpressionAttributeValues: isVote
          ? {
              ':up': value === 1 ? 1 : 0,
              ':down': value === -1 ? 1 : 0,
              ':score': value,
              ':trend': Number(item.weight ?? 0),
            }
          : { ':one': 1 },
      },
    };
    const written = await writeAllOrNothing([copy, counts, markCarried]);
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
