import { z } from 'zod';
import { isTeam, requireContributor } from '../authz.js';
import { nowIso, type Ctx } from '../context.js';
import {
  commentRefs,
  comments,
  decodeCursor,
  encodeCursor,
  heldCommentIndexes,
  ideas,
  writeAllOrNothing,
} from '../db/index.js';
import { DomainError, invalidFields, notFound, parseInput, say, says } from '../errors/index.js';
import { IdPattern, newId } from '../ids.js';
import { getIdea, IdeaId, needsModeration } from '../idea/index.js';
import { getByline } from '../member/index.js';
import { hit } from '../ratelimit.js';
import { unchanged, type CommentModeration, type Place } from './held.js';
import { COMMENT_LENGTH } from './limits.js';
import { fn } from '../fn.js';

export { firstPublished, heldCommentDecision, type CommentModeration } from './held.js';

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
  /** The author's face (keys.face), beside their name. */
  authorPhoto?: string;
  authorDeleted?: boolean;
  body: string;
  deleted?: boolean;
  /** Withdrawn by the team's moderation: shown as such, without its text. */
  hidden?: boolean;
  /** Held for the team, or refused by it: shown to its author and the team only (held.ts). */
  moderation?: CommentModeration;
  /** When everyone could first read it (held.ts); never sent to readers. */
  publishedAt?: string;
  editedAt?: string;
  createdAt: string;
}

/** What readers get of a stored comment: named fields only (keys, owner entries and the team's reasons stay), no text once deleted or hidden. */
const COMMENT_FIELDS = [
  'id',
  'ideaId',
  'parentId',
  'authorId',
  'authorName',
  'authorPhoto',
  'authorDeleted',
  'body',
  'deleted',
  'hidden',
  'moderation',
  'editedAt',
  'createdAt',
] as const satisfies readonly (keyof Comment)[];

const toComment = (item: Record<string, unknown>): Comment => {
  const comment = Object.fromEntries(COMMENT_FIELDS.map((field) => [field, item[field]])) as unknown as Comment;
  return { ...comment, body: comment.deleted || comment.hidden ? '' : comment.body };
};

/** Where a comment lives: its idea and creation time, from its reference item. */
async function commentRef(ctx: Ctx, commentId: string) {
  return commentRefs.get([ctx.tenant.id, commentId]);
}

/** A held or refused comment is its author's and the team's to see, no one else's. */
function visibleTo(ctx: Ctx, comment: Comment): boolean {
  const me = ctx.actor.kind === 'member' ? ctx.actor.memberId : undefined;
  return !comment.moderation || comment.authorId === me || isTeam(ctx.actor);
}

/** One comment by id, of an idea the reader may see; another portal's, or someone else's held one, is not found. */
export async function getComment(ctx: Ctx, commentIdInput: string): Promise<Comment> {
  const commentId = parseInput(CommentId, commentIdInput);
  const ref = await commentRef(ctx, commentId);
  if (!ref) throw notFound('comment');
  await getIdea(ctx, ref.ideaId);
  const item = await comments.get([ctx.tenant.id, ref.ideaId, ref.createdAt, commentId]);
  if (!item || !visibleTo(ctx, item)) throw notFound('comment');
  return toComment(item);
}

/** What a reply answers: a published top-level comment of the same idea (a held one is not there to answer). */
async function checkParent(ctx: Ctx, ideaId: string, parentId: string) {
  const parent = await commentRef(ctx, parentId);
  if (!parent || parent.ideaId !== ideaId) throw notFound('comment');
  if (parent.parentId) throw invalidFields({ parentId: say('comment.oneLevel') });
  const item = await comments.get([ctx.tenant.id, ideaId, parent.createdAt, parentId]);
  if (!item || item.moderation) throw notFound('comment');
}

const VISIBLE_IDEA = 'attribute_exists(pk) AND attribute_not_exists(deleted) AND attribute_not_exists(moderation)';

/**
 * A comment, or a reply to a top-level comment of the same idea (one level). The comment, its
 * reference and the idea's comment count (and "recently updated" key) change together or not at
 * all. A comment the portal holds (moderation first, a blocked word) waits in the team's queue and
 * moves no count until approved.
 */
export const addComment = /* @__PURE__ */ fn(
  requireContributor,
  AddComment,
  async (ctx, { ideaId, body, parentId }, member): Promise<Comment> => {
    if (parentId) await checkParent(ctx, ideaId, parentId);
    await hit(ctx, 'write:account', member.memberId);
    const createdAt = nowIso(ctx);
    const held = needsModeration(ctx, body);
    const comment: Comment = {
      id: newId(new Date(createdAt).getTime()),
      ideaId,
      ...(parentId ? { parentId } : {}),
      authorId: member.memberId,
      ...(await getByline(ctx, member.memberId)),
      body,
      ...(held ? { moderation: 'pending' as const } : { publishedAt: createdAt }),
      createdAt,
    };
    const written = await writeAllOrNothing([
      held
        ? ideas.check([ctx.tenant.id, ideaId], { ConditionExpression: VISIBLE_IDEA })
        : ideas.update([ctx.tenant.id, ideaId], {
            UpdateExpression: 'ADD commentCount :one SET updatedAt = :at',
            ConditionExpression: VISIBLE_IDEA,
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

/** The signed-in author's comment as it is now (strongly consistent: the writes below are conditioned on it). */
async function ownComment(ctx: Ctx, commentIdInput: string) {
  const member = requireContributor(ctx);
  const commentId = parseInput(CommentId, commentIdInput);
  const ref = await commentRef(ctx, commentId);
  if (!ref) throw notFound('comment');
  if (ref.authorId !== member.memberId) throw new DomainError('forbidden', 403, say('comment.notAuthor'));
  const place: Place = [ctx.tenant.id, ref.ideaId, ref.createdAt, commentId];
  const current = await comments.get(place, { consistent: true });
  if (!current || current.deleted) throw notFound('comment');
  return { ideaId: ref.ideaId, place, current };
}

const commentCountChange = (ctx: Ctx, ideaId: string, delta: 1 | -1) =>
  ideas.update([ctx.tenant.id, ideaId], {
    UpdateExpression: 'ADD commentCount :delta',
    ExpressionAttributeValues: { ':delta': delta },
  });

const changedMeanwhile = () => new DomainError('conflict', 409, say('comment.changed'));

/**
 * The author edits their comment; the page shows it was edited. A published comment whose new
 * text must be held goes back to the team's queue and leaves the idea's count until approved.
 */
export async function editComment(ctx: Ctx, commentId: string, input: z.input<typeof EditComment>): Promise<void> {
  const { ideaId, place, current } = await ownComment(ctx, commentId);
  const { body } = parseInput(EditComment, input);
  const state = unchanged(current);
  const hold = !current.moderation && needsModeration(ctx, body);
  const values = { ...state.ExpressionAttributeValues, ':b': body, ':at': nowIso(ctx) };
  const written = await writeAllOrNothing(
    hold
      ? [
          comments.update(place, {
            // `publishedAt` stays (or is set, for a comment written before it existed): approval announces nothing again.
            UpdateExpression:
              'SET body = :b, editedAt = :at, moderation = :pending, queueKey = :queue, queueSort = :queueSort, publishedAt = if_not_exists(publishedAt, :created)',
            ConditionExpression: state.ConditionExpression,
            ExpressionAttributeValues: {
              ...values,
              ':pending': 'pending',
              ':queue': heldCommentIndexes(ctx.tenant.id, current.createdAt).queueKey,
              ':queueSort': current.createdAt,
              ':created': current.createdAt,
            },
          }),
          commentCountChange(ctx, ideaId, -1),
        ]
      : [
          comments.update(place, {
            UpdateExpression: 'SET body = :b, editedAt = :at',
            ConditionExpression: state.ConditionExpression,
            ExpressionAttributeValues: values,
          }),
        ],
  );
  if (!written.ok) throw changedMeanwhile();
}

/**
 * The author deletes their comment: its text goes, its place in the thread stays, the count drops
 * (a held comment was never counted, and leaves the team's queue).
 */
export async function deleteComment(ctx: Ctx, commentId: string): Promise<void> {
  const { ideaId, place, current } = await ownComment(ctx, commentId);
  const state = unchanged(current);
  const written = await writeAllOrNothing([
    comments.update(place, {
      UpdateExpression: 'SET deleted = :t, body = :empty REMOVE queueKey, queueSort',
      ConditionExpression: state.ConditionExpression,
      ExpressionAttributeValues: { ...state.ExpressionAttributeValues, ':t': true, ':empty': '' },
    }),
    ...(current.moderation ? [] : [commentCountChange(ctx, ideaId, -1)]),
  ]);
  if (!written.ok) throw changedMeanwhile();
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
  // A page may come back shorter than asked: held comments of others are left out.
  const shown = items.filter((c) => visibleTo(ctx, c));
  return { items: shown.map(toComment), cursor: encodeCursor(ctx.tenant.id, query, last) };
}
