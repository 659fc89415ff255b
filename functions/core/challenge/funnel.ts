import { authorize } from '../authz.js';
import type { Ctx } from '../context.js';
import { challengeViews, entries, rewards } from '../db/index.js';
import { csvDocument } from '../insights/index.js';
import { exportLink } from '../upload/index.js';
import { readChallenge } from './challenges.js';

/*
 * The team's view of one challenge: its funnel (views, entrants, entries, favourites, scores)
 * and its CSV exports (the entries, and the rewards for the brand's accounting), as the ideas'
 * export is made: RFC 4180, written to S3, answered with a five-minute link.
 */

/** One more opening of the challenge's page: one ADD on its counter (never read on the request path). */
export async function countChallengeView(ctx: Ctx, challengeId: string): Promise<void> {
  await challengeViews.change([ctx.tenant.id, challengeId], {
    UpdateExpression: 'ADD #count :one',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':one': 1 },
  });
}

export interface Funnel {
  views: number;
  entrants: number;
  entries: number;
  favourites: number;
  scores: number;
  shortlisted: number;
}

export async function challengeFunnel(ctx: Ctx, challengeId: string): Promise<Funnel> {
  authorize(ctx, 'challenges.manage');
  const challenge = await readChallenge(ctx, challengeId);
  const funnel: Funnel = { views: 0, entrants: 0, entries: 0, favourites: 0, scores: 0, shortlisted: 0 };
  const entrants = new Set<string>();
  for await (const entry of entries.allOf(ctx.tenant.id, challenge.id)) {
    entrants.add(entry.authorId);
    funnel.entries++;
    funnel.favourites += entry.favourites;
    funnel.scores += entry.scoreCount;
    if (entry.shortlisted) funnel.shortlisted++;
  }
  funnel.entrants = entrants.size;
  funnel.views = (await challengeViews.get([ctx.tenant.id, challenge.id]))?.count ?? 0;
  return funnel;
}

const ENTRY_COLUMNS = [
  'id',
  'title',
  'member_id',
  'member_name',
  'created_at',
  'updated_at',
  'version',
  'favourites',
  'score_average',
  'score_count',
  'shortlisted',
  'rank',
  'text',
];
const REWARD_COLUMNS = [
  'rank',
  'amount',
  'currency',
  'status',
  'paid_at',
  'entry_id',
  'member_id',
  'member_name',
  'ip_accepted_at',
];

/** Every entry still entered, newest first, as a CSV download link (the team's). */
export async function exportEntriesLink(ctx: Ctx, challengeId: string): Promise<string> {
  authorize(ctx, 'challenges.manage');
  const challenge = await readChallenge(ctx, challengeId);
  const rows = [];
  for await (const e of entries.allOf(ctx.tenant.id, challenge.id))
    rows.push([
      e.id,
      e.title,
      e.authorId,
      e.authorName,
      e.createdAt,
      e.updatedAt,
      e.version,
      e.favourites,
      e.scoreCount ? Math.round((e.scoreSum / e.scoreCount) * 10) / 10 : null,
      e.scoreCount,
      e.shortlisted ? 'yes' : 'no',
      e.rank ?? null,
      e.body,
    ]);
  return exportLink(ctx.tenant.id, {
    filename: `${ctx.tenant.slug}-challenge-${challenge.id}-entries.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: csvDocument(ENTRY_COLUMNS, rows),
  });
}

/** The rewards by rank, for the brand's accounting, as a CSV download link (the team's). */
export async function exportRewardsLink(ctx: Ctx, challengeId: string): Promise<string> {
  authorize(ctx, 'challenges.manage');
  const challenge = await readChallenge(ctx, challengeId);
  const rows = [];
  for await (const r of rewards.allOf(ctx.tenant.id, challenge.id))
    rows.push([
      r.rank,
      r.amount,
      r.currency,
      r.status,
      r.paidAt ?? null,
      r.entryId,
      r.memberId,
      r.memberName,
      r.ipAccepted.at,
    ]);
  return exportLink(ctx.tenant.id, {
    filename: `${ctx.tenant.slug}-challenge-${challenge.id}-rewards.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: csvDocument(REWARD_COLUMNS, rows),
  });
}
