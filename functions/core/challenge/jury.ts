import type { z } from 'zod';
import { authorize, requireReader } from '../authz.js';
import { nextUpdatedAt, nowIso, requireMember, type Ctx } from '../context.js';
import { challenges, entries, juryScores, rewards, writeAllOrNothing, type Write } from '../db/index.js';
import { DomainError, invalidFields, parseInput, say } from '../errors/index.js';
import { viewerOf } from './access.js';
import { readChallenge, view } from './challenges.js';
import { readEntry } from './entries.js';
import { openIn, phaseAt } from './phase.js';
import { AskAdjustment, Decide, JuryScore, Shortlist, type Challenge, type RewardRecord } from './schema.js';

const MAX_ATTEMPTS = 5;

const phaseOf = (ctx: Ctx, challenge: Challenge) => phaseAt(challenge, ctx.now ?? new Date());

/**
 * A juror's score for an entry (1 to 10), during the jury and the shortlist; scoring again
 * replaces it. The score and the entry's sums (for its average, spread and place on the
 * best-scored list) change together, conditioned on what was read, re-read on a race.
 */
export async function scoreEntry(ctx: Ctx, challengeId: string, entryId: string, input: z.input<typeof JuryScore>) {
  const juror = requireMember(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  if (!viewerOf(ctx, challenge).juror) throw new DomainError('jurors_only', 403, say('challenge.jurorsOnly'));
  const { score: overall, scores, comment } = parseInput(JuryScore, input);
  const phase = phaseOf(ctx, challenge);
  if (!openIn('score', phase)) throw new DomainError('scoring_closed', 409, say('challenge.scoringNotOpen'));
  const criteria = new Set(criteriaOf(ctx, challenge).map((c) => c.id));
  const unknown = Object.keys(scores ?? {}).find((id) => !criteria.has(id));
  if (unknown) throw invalidFields({ [`scores.${unknown}`]: say('challenge.criterion') });
  const values = Object.values(scores ?? {});
  const score = overall ?? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  const key = [ctx.tenant.id, challenge.id, entryId, juror.memberId] as const;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const entry = await readEntry(ctx, challenge.id, entryId);
    const previous = await juryScores.get([...key], { consistent: true });
    const before = previous?.score ?? 0;
    const count = entry.scoreCount + (previous ? 0 : 1);
    const sum = entry.scoreSum - before + score;
    const written = await writeAllOrNothing([
      juryScores.put(
        [...key],
        {
          entryId: entry.id,
          jurorId: juror.memberId,
          score,
          ...(scores ? { scores } : {}),
          ...(comment ? { comment } : {}),
          at: nowIso(ctx),
        },
        previous
          ? { ConditionExpression: 'score = :before', ExpressionAttributeValues: { ':before': before } }
          : { ConditionExpression: 'attribute_not_exists(pk)' },
      ),
      entries.update([ctx.tenant.id, challenge.id, entry.id], {
        UpdateExpression: 'SET scoreCount = :count, scoreSum = :sum, scoreSquares = :squares, trendScore = :average',
        ConditionExpression: 'scoreSum = :seenSum AND scoreCount = :seenCount',
        ExpressionAttributeValues: {
          ':count': count,
          ':sum': sum,
          ':squares': entry.scoreSquares - before * before + score * score,
          ':average': sum / count,
          ':seenSum': entry.scoreSum,
          ':seenCount': entry.scoreCount,
        },
      }),
    ]);
    if (written.ok) return { score };
  }
  throw new DomainError('conflict', 409, say('challenge.changed'));
}

/** The team or the jury puts an entry on the shortlist, or takes it off, once the submission closed. */
export async function shortlistEntry(ctx: Ctx, challengeId: string, entryId: string, input: z.input<typeof Shortlist>) {
  requireMember(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  requireJuryOrTeam(ctx, challenge);
  const { shortlisted } = parseInput(Shortlist, input);
  if (!openIn('shortlist', phaseOf(ctx, challenge)))
    throw new DomainError('shortlist_closed', 409, say('challenge.shortlistNotOpen'));
  const entry = await readEntry(ctx, challenge.id, entryId);
  await entries.change([ctx.tenant.id, challenge.id, entry.id], {
    UpdateExpression: shortlisted ? 'SET shortlisted = :true' : 'REMOVE shortlisted',
    ConditionExpression: '#status = :active',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':active': 'active', ...(shortlisted ? { ':true': true } : {}) },
  });
  return { shortlisted };
}

/** The team asks a finalist for an adjustment (a new round): the entrant answers with a new version. */
export async function askAdjustment(
  ctx: Ctx,
  challengeId: string,
  entryId: string,
  input: z.input<typeof AskAdjustment>,
) {
  authorize(ctx, 'challenges.manage');
  const challenge = await readChallenge(ctx, challengeId);
  const { text } = parseInput(AskAdjustment, input);
  if (phaseOf(ctx, challenge) !== 'shortlist')
    throw new DomainError('shortlist_closed', 409, say('challenge.adjustmentShortlisted'));
  const entry = await readEntry(ctx, challenge.id, entryId);
  if (!entry.shortlisted) throw new DomainError('not_shortlisted', 409, say('challenge.adjustmentShortlisted'));
  const adjustment = { text, at: nowIso(ctx), answered: false };
  await entries.change([ctx.tenant.id, challenge.id, entry.id], {
    UpdateExpression: 'SET adjustment = :adjustment',
    ConditionExpression: 'shortlisted = :true',
    ExpressionAttributeValues: { ':adjustment': adjustment, ':true': true },
  });
  return adjustment;
}

/**
 * The team decides: the ranking names the winner first, then the other laureates. Their ranks,
 * a reward record for each rank the challenge rewards (due, with the laureate's acceptance of
 * the IP clause and its text) and the challenge's decided state are written in one transaction.
 */
export async function decideChallenge(ctx: Ctx, challengeId: string, input: z.input<typeof Decide>) {
  authorize(ctx, 'challenges.manage');
  const challenge = await readChallenge(ctx, challengeId);
  const { ranking } = parseInput(Decide, input);
  if (!openIn('decide', phaseOf(ctx, challenge)))
    throw new DomainError('decision_closed', 409, say('challenge.decideNotOpen'));
  if (new Set(ranking).size !== ranking.length) throw invalidFields({ ranking: say('challenge.rankingUnknown') });
  const laureates = await Promise.all(ranking.map((id) => readEntry(ctx, challenge.id, id).catch(() => undefined)));
  if (laureates.some((e) => !e || e.status !== 'active'))
    throw invalidFields({ ranking: say('challenge.rankingUnknown') });
  const at = nowIso(ctx);
  const writes: Write[] = [];
  laureates.forEach((entry, i) => {
    const rank = i + 1;
    writes.push(
      entries.update([ctx.tenant.id, challenge.id, entry!.id], {
        UpdateExpression: 'SET #rank = :rank',
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#rank': 'rank', '#status': 'status' },
        ExpressionAttributeValues: { ':rank': rank, ':active': 'active' },
      }),
    );
    const reward = challenge.rewards.find((r) => r.rank === rank);
    if (reward) {
      const record: RewardRecord = {
        ...reward,
        entryId: entry!.id,
        memberId: entry!.authorId,
        memberName: entry!.authorName,
        status: 'due',
        ipAccepted: { at: entry!.accepted.at, text: entry!.accepted.ipClause },
      };
      writes.push(rewards.put([ctx.tenant.id, challenge.id, rank], record));
    }
  });
  const decided: Challenge = {
    ...challenge,
    state: 'decided',
    decidedAt: at,
    updatedAt: nextUpdatedAt(ctx, challenge),
  };
  writes.push(
    challenges.put([ctx.tenant.id, challenge.id], decided, {
      ConditionExpression: 'updatedAt = :seen',
      ExpressionAttributeValues: { ':seen': challenge.updatedAt },
    }),
  );
  const written = await writeAllOrNothing(writes);
  if (!written.ok) throw new DomainError('conflict', 409, say('challenge.changed'));
  return view(ctx, decided);
}

/** A challenge's rewards: the team sees them all, a laureate their own. */
export async function listRewards(ctx: Ctx, challengeId: string): Promise<RewardRecord[]> {
  requireReader(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const viewer = viewerOf(ctx, challenge);
  const found: RewardRecord[] = [];
  for await (const { pk: _pk, sk: _sk, type: _t, ...reward } of rewards.allOf(ctx.tenant.id, challenge.id))
    if (viewer.team || reward.memberId === viewer.memberId) found.push(reward as RewardRecord);
  return found;
}

/** The team records a reward as paid (for its accounting export). */
export async function markRewardPaid(ctx: Ctx, challengeId: string, rank: number) {
  authorize(ctx, 'challenges.manage');
  const challenge = await readChallenge(ctx, challengeId);
  const changed = await rewards.change([ctx.tenant.id, challenge.id, rank], {
    UpdateExpression: 'SET #status = :paid, paidAt = :at',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':paid': 'paid', ':at': nowIso(ctx) },
  });
  if (!changed) throw invalidFields({ rank: say('challenge.rankingUnknown') });
  return { rank, status: 'paid' as const };
}

/** What the jury scores entries on: the challenge's own criteria, else the portal's. */
export const criteriaOf = (ctx: Ctx, challenge: Challenge) => challenge.criteria ?? ctx.tenant.scoringCriteria;

function requireJuryOrTeam(ctx: Ctx, challenge: Challenge) {
  const viewer = viewerOf(ctx, challenge);
  if (!viewer.juror) authorize(ctx, 'challenges.manage');
}
