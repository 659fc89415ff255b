import type { z } from 'zod';
import { isTeam, requireContributor, requireReader } from '../authz.js';
import type { Ctx } from '../context.js';
import {
  batchGet,
  comments,
  decodeCursor,
  encodeCursor,
  IDEA_STATE_INDEXES,
  ideas,
  ideaStateIndexes,
  itemAbsent,
  keys,
  placeholders,
  setAndRemove,
  votes,
  writeAllOrNothing,
  type Condition,
  type IndexName,
  type StoredIdea,
} from '../db/index.js';
import { searchLogWrite } from './search.js';
import { DomainError, invalidFields, notFound, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { getByline } from '../member/index.js';
import { hit } from '../ratelimit.js';
import { ownReadyUpload, uploadLink, writeAttaching } from '../upload/index.js';
import { blockedWordsIn } from '../text/index.js';
import { EditIdea, IdeaId, Idea, ListIdeas, SubmitIdea, summarise, type IdeaSort, type IdeaSummary } from './schema.js';
import { trendWeight } from './scores.js';
import { fn } from '../fn.js';

export * from './schema.js';

const SORT_INDEX: Record<IdeaSort, IndexName> = {
  top: 'bySectionTop',
  trending: 'bySectionTrend',
  new: 'bySectionNew',
  discussed: 'bySectionDiscussed',
  updated: 'bySectionUpdated',
};

function openSection(ctx: Ctx, sectionId: string) {
  const section = ctx.tenant.sections.find((s) => s.id === sectionId);
  if (!section) throw notFound('section');
  return section;
}

function checkCategory(ctx: Ctx, sectionId: string, categoryId: string | null | undefined) {
  if (categoryId && !openSection(ctx, sectionId).categories.some((c) => c.id === categoryId)) {
    throw invalidFields({
      categoryId: say('portal.notACategory'),
    });
  }
}

/** Held for the team when the portal moderates before publication or the text has a blocked word (ideas and comments). */
export function needsModeration(ctx: Ctx, ...texts: string[]): boolean {
  return ctx.tenant.moderation === 'before' || blockedWordsIn(texts.join(' '), ctx.tenant.blockedWords).length > 0;
}

/** A member posts an idea in an open section; its sort keys for every section index are written with it. */
export const submitIdea = /* @__PURE__ */ fn(
  requireContributor,
  SubmitIdea,
  async (ctx, data, member): Promise<Idea> => {
    const section = openSection(ctx, data.sectionId);
    if (section.archived) throw new DomainError('section_archived', 409, say('portal.sectionArchived'));
    checkCategory(ctx, data.sectionId, data.categoryId);
    await hit(ctx, 'write:account', member.memberId);
    const attachments = await Promise.all([...new Set(data.attachmentIds)].map((id) => ownReadyUpload(ctx, id)));
    const now = ctx.now ?? new Date();
    const at = now.toISOString();
    const id = newId(now.getTime());
    const idea: Idea = {
      id,
      sectionId: data.sectionId,
      categoryId: data.categoryId,
      title: data.title,
      body: data.body,
      lang: data.lang ?? ctx.tenant.defaultLang,
      authorId: member.memberId,
      ...(await getByline(ctx, member.memberId)),
      status: 'new',
      tags: [],
      attachments,
      ...(needsModeration(ctx, data.title, data.body) ? { moderation: 'pending' as const } : {}),
      upVotes: 0,
      downVotes: 0,
      commentCount: 0,
      followerCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    // The idea, its search log entry and its files' attachment are written together: search sees what was just posted.
    await writeAttaching(
      ctx,
      [
        ideas.put([ctx.tenant.id, id], { ...idea, topScore: 0, trendScore: trendWeight(now) }, itemAbsent),
        searchLogWrite(ctx.tenant.id, idea),
      ],
      attachments,
    );
    return idea;
  },
);

const MAX_READS = 5;

/**
 * Ideas of a section in one sort order, optionally filtered by status, category or tag, a page
 * at a time; the cursor is bound to this tenant, section, sort and filter. A filter is applied
 * by DynamoDB after reading, so a page reads on (up to five reads) until it is full.
 */
export async function listIdeasBySection(
  ctx: Ctx,
  input: z.input<typeof ListIdeas>,
): Promise<{ items: IdeaSummary[]; cursor: string | null }> {
  requireReader(ctx);
  const { sectionId, sort, cursor, limit, status, categoryId, tag } = parseInput(ListIdeas, input);
  openSection(ctx, sectionId);
  const query = `ideas:${sectionId}:${sort}:${status ?? ''}:${categoryId ?? ''}:${tag ?? ''}`;
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  const where = (condition: string, name: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    filters.push(condition);
    values[name] = value;
  };
  where('#status = :status', ':status', status);
  where('categoryId = :category', ':category', categoryId);
  where('contains(tags, :tag)', ':tag', tag);
  const filter: Condition | undefined = filters.length
    ? {
        ConditionExpression: filters.join(' AND '),
        ExpressionAttributeNames: status ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: values,
      }
    : undefined;
  const items: IdeaSummary[] = [];
  let start = decodeCursor(ctx.tenant.id, query, cursor);
  for (let read = 0; read < MAX_READS && items.length < limit; read++) {
    const page = await ideas.query(
      { index: SORT_INDEX[sort], key: keys.sectionKey(ctx.tenant.id, sectionId) },
      { filter, descending: true, limit: limit - items.length, start },
    );
    // Items of our own table, written by this module: summarised as they are, without a schema parse per row (the hot read).
    items.push(...page.items.map(summarise));
    start = page.last;
    if (!start) break;
  }
  return { items, cursor: encodeCursor(ctx.tenant.id, query, start) };
}

/** Most ideas one read of summaries takes: a page of search results is at most 50. */
const MAX_SUMMARIES = 50;

/**
 * The list summaries of ideas known by id (search hits), in the order asked: one BatchGet. Only
 * ideas a section list shows come back (those its index holds: not deleted, held or merged).
 */
export async function ideaSummaries(ctx: Ctx, ideaIds: readonly string[]): Promise<IdeaSummary[]> {
  requireReader(ctx);
  const ids = [...new Set(ideaIds.map((id) => parseInput(IdeaId, id)))];
  if (ids.length > MAX_SUMMARIES) throw invalidFields({ ids: say('input.invalid') });
  if (ids.length === 0) return [];
  const found = await batchGet(ids.map((id) => keys.idea(ctx.tenant.id, id)));
  const byId = new Map(
    (found as StoredIdea[]).filter((item) => item.sectionKey !== undefined).map((item) => [item.id, item]),
  );
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [summarise(item)] : [];
  });
}

async function readIdea(ctx: Ctx, ideaId: string): Promise<Idea | undefined> {
  const item = await ideas.get([ctx.tenant.id, ideaId]);
  return item ? Idea.parse(item) : undefined;
}

/**
 * One idea by id, within the current tenant only: another tenant's id is simply not found, and
 * so is a deleted idea, or one waiting for moderation unless you wrote it or are on the team.
 */
export async function getIdea(ctx: Ctx, ideaIdInput: string): Promise<Idea> {
  requireReader(ctx);
  const ideaId = parseInput(IdeaId, ideaIdInput);
  const idea = await readIdea(ctx, ideaId);
  const mine = ctx.actor.kind === 'member' && idea?.authorId === ctx.actor.memberId;
  if (!idea || idea.deleted || (idea.moderation && !mine && !isTeam(ctx.actor))) throw notFound('idea');
  return idea;
}

/** Whether anyone but the author has voted or commented: the author may edit only until then. */
async function othersEngaged(ctx: Ctx, idea: Idea): Promise<boolean> {
  if (idea.commentCount > 0 && (await comments.countNotBy(ctx.tenant.id, idea.id, idea.authorId)) > 0) return true;
  const voteCount = idea.upVotes + idea.downVotes;
  if (voteCount === 0) return false;
  const ownVote = await votes.get([ctx.tenant.id, idea.id, idea.authorId]);
  return voteCount > (ownVote ? 1 : 0);
}

async function ownIdea(ctx: Ctx, ideaId: string) {
  const member = requireContributor(ctx);
  const idea = await getIdea(ctx, ideaId);
  if (idea.authorId !== member.memberId) throw new DomainError('forbidden', 403, say('idea.notAuthor'));
  return idea;
}

/** The author edits title, body or category until others have voted or commented. */
export async function editIdea(ctx: Ctx, ideaId: string, input: z.input<typeof EditIdea>): Promise<Idea> {
  const idea = await ownIdea(ctx, ideaId);
  const changes = parseInput(EditIdea, input);
  if (changes.categoryId !== undefined) checkCategory(ctx, idea.sectionId, changes.categoryId);
  if (await othersEngaged(ctx, idea)) {
    throw new DomainError('idea_locked', 409, say('idea.locked'));
  }
  await hit(ctx, 'write:account', idea.authorId);
  const at = (ctx.now ?? new Date()).toISOString();
  const updated: Idea = {
    ...idea,
    ...(changes.title ? { title: changes.title } : {}),
    ...(changes.body ? { body: changes.body } : {}),
    ...(changes.categoryId !== undefined ? { categoryId: changes.categoryId ?? undefined } : {}),
    editedAt: at,
    updatedAt: at,
  };
  if (!updated.moderation && needsModeration(ctx, updated.title, updated.body)) {
    updated.moderation = 'pending';
  }
  await writeIdeaFields(ctx, idea, updated);
  return updated;
}

/** Soft delete by its author: it leaves every list; links to it answer 404. */
export async function deleteIdea(ctx: Ctx, ideaId: string): Promise<void> {
  const idea = await ownIdea(ctx, ideaId);
  await writeIdeaFields(ctx, idea, { ...idea, deleted: true, updatedAt: (ctx.now ?? new Date()).toISOString() });
}

/** Rewrites an idea's editable fields and index keys, conditioned on the counts we read (no lost vote or comment). */
async function writeIdeaFields(ctx: Ctx, before: Idea, after: Idea) {
  const index = ideaStateIndexes(ctx.tenant.id, after);
  const set: Record<string, unknown> = {
    title: after.title,
    body: after.body,
    updatedAt: after.updatedAt,
    ...index,
    ...(after.editedAt ? { editedAt: after.editedAt } : {}),
    ...(after.deleted ? { deleted: true } : {}),
    ...(after.moderation ? { moderation: after.moderation } : {}),
    ...(after.categoryId ? { categoryId: after.categoryId } : {}),
  };
  const remove = [...IDEA_STATE_INDEXES, ...(after.categoryId ? [] : ['categoryId'])].filter((k) => !(k in set));
  const x = placeholders();
  const written = await writeAllOrNothing([
    ideas.update([ctx.tenant.id, before.id], {
      UpdateExpression: setAndRemove(x, set, remove),
      // Nothing may have changed since the author read it: no vote or comment, and no team decision (it moves updatedAt).
      ConditionExpression: `commentCount = ${x.value(before.commentCount)} AND upVotes = ${x.value(before.upVotes)} AND downVotes = ${x.value(before.downVotes)} AND updatedAt = ${x.value(before.updatedAt)} AND attribute_not_exists(mergedInto)`,
      ...x.expression,
    }),
    searchLogWrite(ctx.tenant.id, after),
  ]);
  if (!written.ok) throw new DomainError('conflict', 409, say('idea.changed'));
}

export { markdownToText, renderMarkdown } from './markdown.js';
export { trendWeight } from './scores.js';
export { searchIdeas, searchLogWrite, similarIdeas } from './search.js';
export { saveAllSearchSnapshots } from './search-snapshot.js';

/** A download link to an attachment of an idea the reader may see: the idea must list it; anything else is a 404. */
export async function ideaAttachmentLink(ctx: Ctx, ideaId: string, uploadId: string, size?: 'card'): Promise<string> {
  const idea = await getIdea(ctx, ideaId);
  if (!idea.attachments.some((a) => a.id === uploadId)) throw notFound('upload');
  return uploadLink(ctx, uploadId, size);
}
