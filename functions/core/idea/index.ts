import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { requireMember, type Ctx } from '../context.js';
import { decodeCursor, encodeCursor } from '../db/cursor.js';
import { db, tableName } from '../db/client.js';
import type { IndexName } from '../db/table.js';
import { keys } from '../db/keys.js';
import { DomainError, notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getMemberName } from '../member/index.js';
import { IdeaId, Idea, ListIdeas, SubmitIdea, summarise, type IdeaSort, type IdeaSummary } from './schema.js';
import { trendWeight } from './scores.js';

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

/** A member posts an idea in an open section; its sort keys for every section index are written with it. */
export async function submitIdea(ctx: Ctx, input: z.input<typeof SubmitIdea>): Promise<Idea> {
  const member = requireMember(ctx);
  const data = parseInput(SubmitIdea, input);
  const section = openSection(ctx, data.sectionId);
  if (section.archived) throw new DomainError('section_archived', 409, 'This section no longer takes ideas.');
  if (data.categoryId && !section.categories.some((c) => c.id === data.categoryId)) {
    throw new DomainError('invalid_input', 400, 'Some fields are not valid.', { categoryId: 'Not a category of this section.' });
  }
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
    authorName: await getMemberName(ctx, member.memberId),
    status: 'new',
    upVotes: 0,
    downVotes: 0,
    commentCount: 0,
    followerCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.idea(ctx.tenant.id, id),
        ...idea,
        sectionKey: keys.sectionKey(ctx.tenant.id, idea.sectionId),
        topScore: 0,
        trendScore: trendWeight(now),
        ownerKey: keys.ownerKey(ctx.tenant.id, member.memberId),
        ownerSort: keys.ownerSort('IDEA', at, id),
        listKey: keys.ideasByStatus(ctx.tenant.id, idea.status),
        listSort: at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return idea;
}

/** Ideas of a section in one sort order, a page at a time; the cursor is bound to this tenant, section and sort. */
export async function listIdeasBySection(
  ctx: Ctx,
  input: z.input<typeof ListIdeas>,
): Promise<{ items: IdeaSummary[]; cursor: string | null }> {
  const { sectionId, sort, cursor, limit } = parseInput(ListIdeas, input);
  openSection(ctx, sectionId);
  const query = `ideas:${sectionId}:${sort}`;
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: SORT_INDEX[sort],
      KeyConditionExpression: 'sectionKey = :s',
      ExpressionAttributeValues: { ':s': keys.sectionKey(ctx.tenant.id, sectionId) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(ctx.tenant.id, query, cursor),
    }),
  );
  return {
    items: Items.map((item) => summarise(Idea.parse(item))),
    cursor: encodeCursor(ctx.tenant.id, query, LastEvaluatedKey),
  };
}

/** One idea by id, within the current tenant only: another tenant's id is simply not found. */
export async function getIdea(ctx: Ctx, ideaIdInput: string): Promise<Idea> {
  const ideaId = parseInput(IdeaId, ideaIdInput);
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.idea(ctx.tenant.id, ideaId) }));
  if (!Item) throw notFound('idea');
  return Idea.parse(Item);
}
