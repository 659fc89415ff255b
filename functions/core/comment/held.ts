import { nowIso, type Ctx } from '../context.js';
import { comments, ideas, type Condition, type Write } from '../db/index.js';
import type { Comment } from './index.js';

/**
 * A comment held for the team (the portal moderates first, or it has a blocked word) is
 * `pending`; one the team refused is `rejected`. Neither is counted, listed for others nor
 * announced. `publishedAt` is set the first time a comment is visible to all: on posting, or
 * when the team approves it, so the stream's consumers count and announce it once.
 */
export type CommentModeration = 'pending' | 'rejected';

type Image = Record<string, unknown> | undefined;

/** Whether this change of a comment item made it visible to everyone for the first time (the stream's consumers). */
export function firstPublished(before: Image, after: Image): boolean {
  if (!after || after.moderation || after.deleted) return false;
  // Inserted visible (items written before `publishedAt` existed have none), or approved after being held.
  return before ? !before.publishedAt && Boolean(after.publishedAt) : true;
}

export type Place = [tenantId: string, ideaId: string, createdAt: string, commentId: string];

/** The comment is still as it was read: not deleted, in the same moderation state. */
export function unchanged(current: Comment): Condition & { ExpressionAttributeValues: Record<string, unknown> } {
  const alive = 'attribute_exists(pk) AND attribute_not_exists(deleted)';
  return current.moderation
    ? {
        ConditionExpression: `${alive} AND moderation = :was`,
        ExpressionAttributeValues: { ':was': current.moderation },
      }
    : { ConditionExpression: `${alive} AND attribute_not_exists(moderation)`, ExpressionAttributeValues: {} };
}

/**
 * The team's decision on a held (or refused) comment, as transaction writes for its moderation
 * step: approving publishes it (out of the queue, counted on its idea, `publishedAt` set once so
 * it is announced once); refusing takes it out of the queue, still its author's to see.
 */
export function heldCommentDecision(ctx: Ctx, comment: Comment, decision: 'approve' | 'reject', reason = ''): Write[] {
  const place: Place = [ctx.tenant.id, comment.ideaId, comment.createdAt, comment.id];
  const state = unchanged(comment);
  const at = nowIso(ctx);
  if (decision === 'reject')
    return [
      comments.update(place, {
        UpdateExpression: 'SET moderation = :rejected, moderationReason = :r REMOVE queueKey, queueSort',
        ConditionExpression: state.ConditionExpression,
        ExpressionAttributeValues: { ...state.ExpressionAttributeValues, ':rejected': 'rejected', ':r': reason },
      }),
    ];
  return [
    comments.update(place, {
      UpdateExpression:
        'SET publishedAt = if_not_exists(publishedAt, :at), moderationReason = :r REMOVE moderation, queueKey, queueSort',
      ConditionExpression: state.ConditionExpression,
      ExpressionAttributeValues: { ...state.ExpressionAttributeValues, ':at': at, ':r': reason },
    }),
    ideas.update([ctx.tenant.id, comment.ideaId], {
      UpdateExpression: 'ADD commentCount :one SET updatedAt = :at',
      ExpressionAttributeValues: { ':one': 1, ':at': at },
    }),
  ];
}
