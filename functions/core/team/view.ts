import type { Ctx } from '../context.js';
import { notesOf, teamMembers } from './organise.js';
import { readTeamIdea } from './revise.js';
import { scoresOf } from './scores.js';
import { statusHistoryOf } from './status.js';

/** Everything the team's page of one idea shows, reading the idea once. */
export async function teamView(ctx: Ctx, ideaId: string) {
  const idea = await readTeamIdea(ctx, ideaId);
  const [notes, scores, team, history] = await Promise.all([
    notesOf(ctx, idea),
    scoresOf(ctx, idea),
    teamMembers(ctx),
    statusHistoryOf(ctx, idea),
  ]);
  const me = ctx.actor.kind === 'member' ? ctx.actor.memberId : '';
  return { idea, notes, scores, team, history, mine: scores.cards.find((c) => c.memberId === me)?.scores ?? {} };
}
