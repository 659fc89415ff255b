import { z } from 'zod';
import { nowIso, nextUpdatedAt, type Ctx } from '../context.js';
import { ideas, scorecards as scorecardItems } from '../db/index.js';
import { DomainError, invalidFields, parseInput, say, says } from '../errors/index.js';
import { readTeamIdea, requireTeam, reviseIdea, type TeamIdea } from './revise.js';

export const SetScores = z
  .object({
    scores: z.record(z.string(), z.number().int().min(1, says('idea.scoreRange')).max(5, says('idea.scoreRange'))),
  })
  .strict();

export type ScoreSummary = Record<string, { average: number; spread: number; count: number }>;

/** Average and spread (population standard deviation) per criterion, from every team member's scorecard. */
export function summariseScores(cards: Record<string, number>[]): ScoreSummary {
  const summary: ScoreSummary = {};
  const criteria = new Set(cards.flatMap((card) => Object.keys(card)));
  for (const criterion of criteria) {
    const values = cards.map((card) => card[criterion]).filter((v): v is number => typeof v === 'number');
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    const spread = Math.sqrt(values.reduce((a, v) => a + (v - average) ** 2, 0) / values.length);
    summary[criterion] = {
      average: Math.round(average * 100) / 100,
      spread: Math.round(spread * 100) / 100,
      count: values.length,
    };
  }
  return summary;
}

async function scorecards(ctx: Ctx, ideaId: string) {
  const { items } = await scorecardItems.ofIdea(ctx.tenant.id, ideaId);
  return items.map((i) => ({
    memberId: String(i.memberId),
    byName: String(i.byName),
    scores: i.scores as Record<string, number>,
  }));
}

/**
 * A team member scores an idea on the portal's criteria (1 to 5 each). Their scorecard replaces
 * their previous one; the idea keeps the summary of all scorecards (average and spread), which
 * the impact-versus-effort chart reads without opening every scorecard.
 */
export async function setScores(
  ctx: Ctx,
  ideaId: string,
  input: z.input<typeof SetScores>,
): Promise<{ summary: ScoreSummary; mine: Record<string, number> }> {
  const actor = requireTeam(ctx);
  const { scores } = parseInput(SetScores, input);
  const known = new Set(ctx.tenant.scoringCriteria.map((c) => c.id));
  const unknown = Object.keys(scores).filter((id) => !known.has(id));
  if (unknown.length)
    throw invalidFields(Object.fromEntries(unknown.map((id) => [`scores.${id}`, say('portal.notACriterion')])));
  if (Object.keys(scores).length === 0) throw new DomainError('invalid_input', 400, say('input.nothingToChange'));
  const idea = await readTeamIdea(ctx, ideaId);
  const card = {
    memberId: actor.memberId,
    byName: actor.displayName ?? '',
    scores,
    at: nowIso(ctx),
  };
  let summary: ScoreSummary = {};
  // Read inside the revision: when another scorer saves at the same moment, the retry reads their card too.
  await reviseIdea(ctx, idea.id, async (current) => {
    const others = (await scorecards(ctx, idea.id)).filter((c) => c.memberId !== actor.memberId).map((c) => c.scores);
    summary = summariseScores([...others, scores]);
    return {
      next: { ...current, scoreSummary: summary, updatedAt: nextUpdatedAt(ctx, current) },
      extra: { scoreSummary: summary },
      alongside: [scorecardItems.put([ctx.tenant.id, idea.id, actor.memberId], card)],
      audit: { action: 'idea.scores', detail: { scores } },
    };
  });
  return { summary, mine: scores };
}

/** Each scorer's card and the summary, for the team's view of an idea. */
export async function getScores(ctx: Ctx, ideaId: string) {
  return scoresOf(ctx, await readTeamIdea(ctx, ideaId));
}

/** The scores of an idea the team has already read (readTeamIdea checked the caller). */
export async function scoresOf(ctx: Ctx, idea: Pick<TeamIdea, 'id'>) {
  const cards = await scorecards(ctx, idea.id);
  return { criteria: ctx.tenant.scoringCriteria, cards, summary: summariseScores(cards.map((c) => c.scores)) };
}

/**
 * The impact-versus-effort chart: reviewed ideas (and those in progress) with their score
 * summary, from the status lists (Query, never Scan). Impact is the mean of the criteria that are
 * not effort; effort the mean of those marked effort.
 */
export async function impactEffort(ctx: Ctx) {
  requireTeam(ctx);
  const effort = new Set(ctx.tenant.scoringCriteria.filter((c) => c.effort).map((c) => c.id));
  const points: { id: string; title: string; status: string; impact: number; effort: number }[] = [];
  for (const status of ['reviewed', 'under_review', 'in_progress']) {
    for await (const item of ideas.allWithStatus(ctx.tenant.id, status, {
      projection: 'id, title, #status, scoreSummary',
      names: { '#status': 'status' },
    })) {
      const summary = item.scoreSummary as ScoreSummary | undefined;
      if (!summary) continue;
      const mean = (ids: string[]) =>
        ids.length ? ids.reduce((a, id) => a + summary[id]!.average, 0) / ids.length : NaN;
      const ids = Object.keys(summary);
      const point = {
        id: String(item.id),
        title: String(item.title),
        status: String(item.status),
        impact: mean(ids.filter((id) => !effort.has(id))),
        effort: mean(ids.filter((id) => effort.has(id))),
      };
      if (Number.isFinite(point.impact) && Number.isFinite(point.effort)) points.push(point);
    }
  }
  return points;
}
