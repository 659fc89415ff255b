import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Ctx } from '../context.js';
import { db, tableName, keys, writeAllOrNothing } from '../db/index.js';
import { requireContributor } from '../authz.js';
import { notFound, parseInput } from '../errors.js';
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
  const followKey = keys.follow(ctx.tenant.id, ideaId, member.memberId);
  const written = await writeAllOrNothing([
    following
      ? {
          Put: {
            Item: {
              ...followKey,
              ideaId,
              memberId: member.memberId,
              followedAt: at,
              ownerKey: keys.ownerKey(ctx.tenant.id, member.memberId),
              ownerSort: keys.ownerSort('FOLLOW', at, ideaId),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }
      : { Delete: { Key: followKey, ConditionExpression: 'attribute_exists(pk)' } },
    {
      Update: {
        Key: keys.idea(ctx.tenant.id, ideaId),
        UpdateExpression: 'ADD followerCount :d',
        ConditionExpression: following
          ? 'attribute_exists(pk) AND attribute_not_exists(deleted) AND attribute_not_exists(moderation)'
          : 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': following ? 1 : -1 },
      },
    },
  ]);
  if (!written.ok && written.failed[1]) throw notFound('idea');
  return { following };
}

/** Whether the current member follows an idea. */
export async function isFollowing(ctx: Ctx, ideaId: string): Promise<boolean> {
  if (ctx.actor.kind !== 'member') return false;
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.follow(ctx.tenant.id, ideaId, ctx.actor.memberId) }),
  );
  return Boolean(Item);
}
