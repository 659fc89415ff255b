import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Comment } from '../../comment/index.js';
import { db, tableName } from '../client.js';
import { defineEntity, type Condition } from '../entity.js';
import { keys } from '../keys.js';

type Place = [tenantId: string, ideaId: string, createdAt: string, commentId: string];

/** The moderation queue's index attributes of a held comment (oldest first, beside held ideas). */
export const heldCommentIndexes = (tenantId: string, createdAt: string) => ({
  queueKey: keys.queue(tenantId, 'MODERATION'),
  queueSort: createdAt,
});

/**
 * A comment in its idea's partition, sorted by when it was written; listed by author on the
 * owner index, and in the team's moderation queue while it is held.
 */
const entity = defineEntity<Comment, Place>({
  type: 'comment',
  key: keys.comment,
  indexes: (comment, tenantId, _ideaId, createdAt, commentId) => ({
    ownerKey: keys.ownerKey(tenantId, comment.authorId),
    ownerSort: keys.ownerSort('COMMENT', createdAt, commentId),
    ...(comment.moderation === 'pending' ? heldCommentIndexes(tenantId, createdAt) : {}),
  }),
});

export const comments = {
  ...entity,
  /** An idea's comments in the order they were written, a page at a time. */
  pageOfIdea: (tenantId: string, ideaId: string, options: { limit: number; start?: Record<string, unknown> }) =>
    entity.query({ pk: keys.ideaPartition(tenantId, ideaId), prefix: keys.commentPrefix }, options),
  /** An idea's comments written from `lo` to `hi` (ISO times; the whole last second included), as the filter keeps them. */
  ofIdeaBetween: (tenantId: string, ideaId: string, lo: string, hi: string, filter?: Condition) =>
    entity.queryAll(
      // '~' sorts after every character of a time, so the whole of `hi` is inside.
      {
        pk: keys.ideaPartition(tenantId, ideaId),
        between: [`${keys.commentPrefix}${lo}`, `${keys.commentPrefix}${hi}~`],
      },
      { filter },
    ),
  /** How many of an idea's published comments someone other than `authorId` wrote (counted by DynamoDB, nothing read back). */
  async countNotBy(tenantId: string, ideaId: string, authorId: string): Promise<number> {
    const { Count = 0 } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
        FilterExpression: 'authorId <> :me AND attribute_not_exists(moderation)',
        ExpressionAttributeValues: {
          ':pk': keys.ideaPartition(tenantId, ideaId),
          ':c': keys.commentPrefix,
          ':me': authorId,
        },
        Select: 'COUNT',
      }),
    );
    return Count;
  },
};

/** A comment's stable address: where it lives (idea, time), who wrote it, what it replies to. */
export const commentRefs = defineEntity<
  { ideaId: string; createdAt: string; authorId: string; parentId?: string },
  [tenantId: string, commentId: string]
>({ type: 'commentRef', key: keys.commentRef });
