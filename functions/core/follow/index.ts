import type { Ctx } from '../context.js';
import { follows, ideas, itemAbsent, itemExists, writeAllOrNothing } from '../db/index.js';
import { requireContributor } from '../authz.js';
import { notFound, parseInput } from '../errors/index.js';
import { IdeaId } from '../idea/index.js';
import { hit } from '../ratelimit.js';

/**
 * Follow or unfollow an idea: the follow item and the idea's follower count change together;
 * following twice or unfollowing what you do not follow changes nothing.
 */
export async function setFollow(ctx: Ctx, ideaIdInput: string, following: boolean): Promise<{ following: boolean }> {
  const member = requireContributor(ctx);
  const ideaId = parseInput(IdeaId, ideaIdInput);
  await hit(ctx, 'write:account', member.memberId);
  const at = (ctx.now ?? new Date()).toISOString();
  const follow = [ctx.tenant.id, ideaId, member.memberId] as [string, string, string];
  const written = await writeAllOrNothing([
    following
      ? follows.put(follow, { ideaId, memberId: member.memberId, followedAt: at }, itemAbsent)
      : follows.remove(follow, itemExists),
    ideas.update([ctx.tenant.id, ideaId], {
      UpdateExpression: 'ADD followerCount :d',
      ConditionExpression: following
        ? 'attribute_exists(pk) AND attribute_not_exists(deleted) AND attribute_not_exists(moderation)'
        : 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':d': following ? 1 : -1 },
    }),
  ]);
  if (!written.ok && written.failed[1]) throw notFound('idea');
  return { following };
}

/** Whether the current member follows an idea. */
export async function isFollowing(ctx: Ctx, ideaId: string): Promise<boolean> {
  if (ctx.actor.kind !== 'member') return false;
  return Boolean(await follows.get([ctx.tenant.id, ideaId, ctx.actor.memberId]));
}
