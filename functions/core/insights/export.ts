import { exportLink } from '../upload/index.js';
import { authorize } from '../authz.js';
import type { Ctx } from '../context.js';
import {
  batchGet,
  comments as commentItems,
  dayStats,
  ideas as ideaItems,
  keys,
  memberNames,
  votes as voteItems,
} from '../db/index.js';
import { IdeaStatus } from '../idea/index.js';
import { localized } from '../tenant/index.js';
import { csvDocument, type Cell } from './csv.js';
import { resolvePeriod, type Period } from './period.js';

type Item = Record<string, unknown>;

export const EXPORT_COLUMNS = [
  'type',
  'id',
  'idea_id',
  'idea_title',
  'created_at',
  'member_id',
  'member_name',
  'section',
  'category',
  'status',
  'value',
  'up_votes',
  'down_votes',
  'comment_count',
  'parent_id',
  'text',
] as const;

/** Ideas whose partitions are read at the same time. */
const PARALLEL = 8;

/** The file name of an export: the portal and the period. */
export function exportFileName(ctx: Ctx, input: unknown): string {
  const { from, to } = resolvePeriod(ctx, input);
  return `${ctx.tenant.slug}-${from}-${to}.csv`;
}

/** The period's export as a download link (core/upload/exports.ts): a busy portal's file may be larger than a response can be. */
export async function exportCsvLink(ctx: Ctx, input: unknown): Promise<string> {
  const body = await exportCsv(ctx, input);
  return exportLink(ctx.tenant.id, {
    filename: exportFileName(ctx, input),
    contentType: 'text/csv; charset=utf-8',
    body,
  });
}

/**
 * The ideas, votes and comments created in a period, one CSV row per record with its `type`.
 * Only what members can see is exported: published ideas (merged ones too), their comments that
 * are neither deleted, hidden nor held for moderation, and votes that were not carried to another idea by a merge.
 */
export async function exportCsv(ctx: Ctx, input: unknown): Promise<string> {
  authorize(ctx, 'ideas.moderate');
  const period = resolvePeriod(ctx, input);
  const bounds = { lo: `${period.from}T00:00:00.000Z`, hi: `${period.to}T23:59:59.999Z` };
  const ideas = await ideasActiveIn(ctx, period);
  const rows: { at: string; order: number; cells: Cell[]; voter?: string }[] = [];
  const pending = [...ideas.values()];
  const readPartition = async (idea: Item) => {
    const { votes, comments } = await activityOfIdea(ctx, String(idea.id), bounds);
    const createdAt = String(idea.createdAt);
    if (createdAt >= bounds.lo && createdAt <= bounds.hi)
      rows.push({ at: createdAt, order: 0, cells: ideaRow(ctx, idea) });
    for (const comment of comments)
      rows.push({ at: String(comment.createdAt), order: 1, cells: commentRow(ctx, idea, comment) });
    for (const vote of votes)
      rows.push({ at: String(vote.votedAt), order: 2, cells: voteRow(ctx, idea, vote), voter: String(vote.memberId) });
  };
  while (pending.length) await Promise.all(pending.splice(0, PARALLEL).map(readPartition));
  // Vote items hold no name: the voters' names are read once each, then filled in.
  const names = await memberNames(
    ctx.tenant.id,
    rows.flatMap((row) => (row.voter ? [row.voter] : [])),
  );
  const nameColumn = EXPORT_COLUMNS.indexOf('member_name');
  for (const row of rows) if (row.voter) row.cells[nameColumn] = names.get(row.voter) ?? '';
  rows.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  return csvDocument(
    [...EXPORT_COLUMNS],
    rows.map((r) => r.cells),
  );
}

/**
 * Every idea that can hold a record of the period, without a Scan: the ideas of each status list
 * changed since the period began (creating, commenting or answering an idea moves its `updatedAt`,
 * the list's sort key), and the ideas voted on in the period, which the day aggregates name
 * (a vote does not move `updatedAt`).
 */
async function ideasActiveIn(ctx: Ctx, period: Period): Promise<Map<string, Item>> {
  const tenantId = ctx.tenant.id;
  const ideas = new Map<string, Item>();
  await Promise.all(
    IdeaStatus.options.map(async (status) => {
      for await (const idea of ideaItems.changedSince(tenantId, status, period.from)) ideas.set(String(idea.id), idea);
    }),
  );
  const voted = new Set<string>();
  for await (const day of dayStats.between(tenantId, period.from, period.to, { projection: 'votedIdeas' }))
    for (const id of (day.votedIdeas as Set<string> | undefined) ?? []) if (!ideas.has(id)) voted.add(id);
  for (const idea of await batchGet([...voted].map((id) => keys.idea(tenantId, id)))) {
    if (!idea.deleted && !idea.moderation) ideas.set(String(idea.id), idea);
  }
  return ideas;
}

/** The votes and comments of one idea in the period, from its own partition: comments by their time-ordered keys. */
async function activityOfIdea(ctx: Ctx, ideaId: string, bounds: { lo: string; hi: string }) {
  const comments: Item[] = [];
  const votes: Item[] = [];
  await Promise.all([
    (async () => {
      for await (const comment of commentItems.ofIdeaBetween(ctx.tenant.id, ideaId, bounds.lo, bounds.hi, {
        ConditionExpression:
          'attribute_not_exists(#deleted) AND attribute_not_exists(#hidden) AND attribute_not_exists(moderation)',
        ExpressionAttributeNames: { '#deleted': 'deleted', '#hidden': 'hidden' },
      }))
        comments.push(comment);
    })(),
    (async () => {
      for await (const vote of voteItems.ofIdea(ctx.tenant.id, ideaId, {
        filter: {
          ConditionExpression: 'votedAt BETWEEN :lo AND :hi AND attribute_not_exists(#carried)',
          ExpressionAttributeNames: { '#carried': 'carried' },
          ExpressionAttributeValues: { ':lo': bounds.lo, ':hi': bounds.hi },
        },
      }))
        votes.push(vote);
    })(),
  ]);
  return { comments, votes };
}

function placeOf(ctx: Ctx, idea: Item) {
  const lang = ctx.tenant.defaultLang;
  const section = ctx.tenant.sections.find((s) => s.id === idea.sectionId);
  const category = section?.categories.find((c) => c.id === idea.categoryId);
  return {
    section: section ? localized(section.name, lang, lang) : String(idea.sectionId ?? ''),
    category: category ? localized(category.name, lang, lang) : String(idea.categoryId ?? ''),
  };
}

type Row = Partial<Record<(typeof EXPORT_COLUMNS)[number], Cell>>;
const cellsOf = (row: Row): Cell[] => EXPORT_COLUMNS.map((column) => row[column] ?? '');

function ideaRow(ctx: Ctx, idea: Item): Cell[] {
  return cellsOf({
    type: 'idea',
    id: String(idea.id),
    idea_id: String(idea.id),
    idea_title: String(idea.title),
    created_at: String(idea.createdAt),
    member_id: String(idea.authorId),
    member_name: String(idea.authorName ?? ''),
    ...placeOf(ctx, idea),
    status: String(idea.status),
    up_votes: Number(idea.upVotes ?? 0),
    down_votes: Number(idea.downVotes ?? 0),
    comment_count: Number(idea.commentCount ?? 0),
    text: String(idea.body ?? ''),
  });
}

function commentRow(ctx: Ctx, idea: Item, comment: Item): Cell[] {
  return cellsOf({
    type: 'comment',
    id: String(comment.id),
    idea_id: String(idea.id),
    idea_title: String(idea.title),
    created_at: String(comment.createdAt),
    member_id: String(comment.authorId),
    member_name: String(comment.authorName ?? ''),
    ...placeOf(ctx, idea),
    parent_id: comment.parentId ? String(comment.parentId) : '',
    text: String(comment.body ?? ''),
  });
}

/** A vote has no id of its own: it is the member's vote on the idea. */
function voteRow(ctx: Ctx, idea: Item, vote: Item): Cell[] {
  const memberId = String(vote.memberId);
  return cellsOf({
    type: 'vote',
    id: `${idea.id}/${memberId}`,
    idea_id: String(idea.id),
    idea_title: String(idea.title),
    created_at: String(vote.votedAt),
    member_id: memberId,
    ...placeOf(ctx, idea),
    value: Number(vote.value),
  });
}
