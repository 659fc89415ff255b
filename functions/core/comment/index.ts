import { z } from 'zod';
import { requireContributor } from '../authz.js';
import type { Ctx } from '../context.js';
import { commentRefs, comments, decodeCursor, encodeCursor, ideas, writeAllOrNothing } from '../db/index.js';
import { DomainError, invalidFields, notFound, parseInput, say, says } from '../errors/index.js';
import { IdPattern, newId } from '../ids.js';
import { getIdea, IdeaId } from '../idea/index.js';
import { getMemberName } from '../member/index.js';
import { hit } from '../ratelimit.js';
import { COMMENT_LENGTH } from './limits.js';
import { fn } from '../fn.js';

const CommentId = z.string().regex(IdPattern, says('comment.id'));
const Body = z.string().trim().min(COMMENT_LENGTH.min).max(COMMENT_LENGTH.max);

export const AddComment = z.object({ ideaId: IdeaId, body: Body, parentId: CommentId.optional() });
export const EditComment = z.object({ body: Body });
export const ListComments = z.object({
  ideaId: IdeaId,
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export interface Comment {
  id: string;
  ideaId: string;
  parentId?: string;
  authorId: string;
  authorName: string;
  authorDeleted?: boolean;
  body: string;
  deleted?: boolean;
  /** Withdrawn by the team's moderation: shown as such, without its text. */
  hidden?: boolean;
  editedAt?: string;
  createdAt: string;
}

const toComment = (item: Record<string, unknown>): Comment => {
  const { id, ideaId, parentId, authorId, authorName, authorDeleted, body, deleted, hidden, editedAt, createdAt } =
    item as unknown as Comment;
  return {
    id,
    ideaId,
    parentId,
    authorId,
    authorName,
    authorDeleted,
    body: deleted || hidden ? '' : body,
    deleted,
    hidden,
    editedAt,
    createdAt,
  };
};

type Place = [tenantId: string, ideaId: string, createdAt: string, commentId: string];

/** Where a comment lives: its idea and creation time, from its reference item. */
async function commentRef(ctx: Ctx, commentId: string) {
  return commentRefs.get([ctx.tenant.id, commentId]);
}

/**
 * A comment, or a reply to a top-level comment of the same idea (one level). The comment, its
 * reference and the idea's comment count (and "recently updated" key) change together or not at all.
 */
export const addComment = /* @__PURE__ */ fn(
  requireContributor,
  AddComment,
  async (ctx, { ideaId, body, parentId }, member): Promise<Comment> => {
    if (parentId) {
      const parent = await commentRef(ctx, parentId);
      if (!parent || parent.ideaId !== ideaId) throw notFound('comment');
      if (parent.parentId)
        throw invalidFields({
          parentId: say('comment.oneLevel'),
        });
    }
    await hit(ctx, 'write:account', member.memberId);
    const createdAt = (ctx.now ?? new Date()).toISOString();
    const comment: Comment = {
      id: newId(new Date(createdAt).getTime()),
      ideaId,
      ...(parentId ? { parentId } : {}),
      authorId: member.memberId,
      authorName: await getMemberName(ctx, member.memberId),
      body,
      createdAt,
    };
    const written = await writeAllOrNothing([
      ideas.update([ctx.tenant.id, ideaId], {
        UpdateExpression: 'ADD commentCount :one SET updatedAt = :at',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(deleted) AND attribute_not_exists(moderation)',
        ExpressionAttributeValues: { ':one': 1, ':at': createdAt },
      }),
      comments.put([ctx.tenant.id, ideaId, createdAt, comment.id], comment),
      commentRefs.put([ctx.tenant.id, comment.id], {
        ideaId,
        createdAt,
        authorId: member.memberId,
        ...(parentId ? { parentId } : {}),
      }),
    ]);
    if (!written.ok) throw notFound('idea');
    return comment;
  },
);

async function ownComment(ctx: Ctx, commentIdInput: string) {
  const member = requireContributor(ctx);
  const commentId = parseInput(CommentId, commentIdInput);
  const ref = await commentRef(ctx, commentId);
  if (!ref) throw notFound('comment');
  if (ref.authorId !== member.memberId) throw new DomainError('forbidden', 403, say('comment.notAuthor'));
  return { ...ref, id: commentId, place: [ctx.tenant.id, ref.ideaId, ref.createdAt, commentId] as Place };
}

/** The author edits their comment; the page shows it was edited. */
export async function editComment(ctx: Ctx, commentId: string, input: z.input<typeof EditComment>): Promise<void> {
  const ref = await ownComment(ctx, commentId);
  const { body } = parseInput(EditComment, input);
  const written = await writeAllOrNothing([
    comments.update(ref.place, {
      UpdateExpression: 'SET body = :b, editedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deleted)',
      ExpressionAttributeValues: { ':b': body, ':at': (ctx.now ?? new Date()).toISOString() },
    }),
  ]);
  if (!written.ok) throw notFound('comment');
}

/** The author deletes their comment: its text goes, its place in the thread stays, the count drops. */
export async function deleteComment(ctx: Ctx, commentId: string): Promise<void> {
  const ref = await ownComment(ctx, commentId);
  const written = await writeAllOrNothing([
    comments.update(ref.place, {
      UpdateExpression: 'SET deleted = :t, body = :empty',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deleted)',
      ExpressionAttributeValues: { ':t': true, ':empty': '' },
    }),
    ideas.update([ctx.tenant.id, ref.ideaId], {
      UpdateExpression: 'ADD commentCount :minus',
      ExpressionAttributeValues: { ':minus': -1 },
    }),
  ]);
  if (!written.ok) throw notFound('comment');
}

/** An idea's comments in the order they were written, from the idea's own partition; only for an idea the reader may see. */
export const listComments = /* @__PURE__ */ fn(ListComments, async (ctx, data) => {
  await getIdea(ctx, data.ideaId);
  return readComments(ctx, data);
});

/** An idea and the first page of its comments: the idea page's one read of the idea. */
export async function getIdeaWithComments(ctx: Ctx, ideaId: string, commentsCursor?: string) {
  const idea = await getIdea(ctx, ideaId);
  return {
    idea,
    comments: await readComments(ctx, parseInput(ListComments, { ideaId: idea.id, cursor: commentsCursor })),
  };
}

async function readComments(ctx: Ctx, { ideaId, cursor, limit }: z.output<typeof ListComments>) {
  const query = `comments:${ideaId}`;
  const { items, last } = await comments.pageOfIdea(ctx.tenant.id, ideaId, {
    limit,
    start: decodeCursor(ctx.tenant.id, query, cursor),
  });
  return { items: items.map(toComment), cursor: encodeCursor(ctx.tenant.id, query, last) };
}
