import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { nowIso, requireMember, type Ctx } from '../context.js';
import { decodeCursor, encodeCursor } from '../db/cursor.js';
import { db, tableName } from '../db/client.js';
import { keys } from '../db/keys.js';
import { writeAllOrNothing } from '../db/transact.js';
import { notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { IdeaId } from '../idea/schema.js';
import { getMemberName } from '../member/index.js';

export const AddComment = z.object({
  ideaId: IdeaId,
  body: z.string().trim().min(2, 'At least 2 characters.').max(5_000, 'At most 5,000 characters.'),
});

export const ListComments = z.object({
  ideaId: IdeaId,
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export interface Comment {
  id: string;
  ideaId: string;
  authorId: string;
  authorName: string;
  authorDeleted?: boolean;
  body: string;
  createdAt: string;
}

/** The comment and the idea's comment count (and its "recently updated" key) change together or not at all. */
export async function addComment(ctx: Ctx, input: z.input<typeof AddComment>): Promise<Comment> {
  const member = requireMember(ctx);
  const { ideaId, body } = parseInput(AddComment, input);
  const createdAt = nowIso(ctx);
  const comment: Comment = {
    id: newId(new Date(createdAt).getTime()),
    ideaId,
    authorId: member.memberId,
    authorName: await getMemberName(ctx, member.memberId),
    body,
    createdAt,
  };
  const written = await writeAllOrNothing([
    {
      Put: {
        Item: {
          ...keys.comment(ctx.tenant.id, ideaId, createdAt, comment.id),
          ...comment,
          ownerKey: keys.ownerKey(ctx.tenant.id, member.memberId),
          ownerSort: keys.ownerSort('COMMENT', createdAt, comment.id),
        },
      },
    },
    {
      Update: {
        Key: keys.idea(ctx.tenant.id, ideaId),
        UpdateExpression: 'ADD commentCount :one SET updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1, ':at': createdAt },
      },
    },
  ]);
  if (!written.ok) throw notFound('idea');
  return comment;
}

/** An idea's comments in the order they were written, from the idea's own partition. */
export async function listComments(ctx: Ctx, input: z.input<typeof ListComments>) {
  const { ideaId, cursor, limit } = parseInput(ListComments, input);
  const query = `comments:${ideaId}`;
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': keys.ideaPartition(ctx.tenant.id, ideaId), ':c': keys.commentPrefix },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(ctx.tenant.id, query, cursor),
    }),
  );
  const items: Comment[] = Items.map(({ id, ideaId, authorId, authorName, authorDeleted, body, createdAt }) => ({
    id, ideaId, authorId, authorName, authorDeleted, body, createdAt,
  }) as Comment);
  return { items, cursor: encodeCursor(ctx.tenant.id, query, LastEvaluatedKey) };
}
