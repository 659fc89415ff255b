import { can, isTeam } from '../authz.js';
import type { Ctx } from '../context.js';
import type { Challenge, Phase } from './schema.js';

/*
 * What a viewer may see of a challenge's entries, decided here once from the phase, the
 * challenge's choices and the viewer's role. Every read of an entry (pages, API, exports) goes
 * through entryAccess; test/integration/challenge-access.test.ts walks every phase and role.
 */

export interface Viewer {
  memberId?: string;
  /** The brand's innovation team (owners, admins, team). */
  team: boolean;
  /** Named on this challenge's jury. */
  juror: boolean;
}

export interface EntryAccess {
  /** The entry at all: its title, text and versions. */
  see: boolean;
  /** Who wrote it (blind judging hides it from the jury, and so from every reader but the team, until the decision). */
  author: boolean;
  /** Its favourite count (the crowd's ranking). */
  favourites: boolean;
  /** The jury's scores: average and spread. */
  scores: boolean;
}

const NOTHING: EntryAccess = { see: false, author: false, favourites: false, scores: false };
const AFTER_SUBMISSION: readonly Phase[] = ['review', 'jury', 'shortlist', 'decided', 'closed'];
/** Until the decision, a blind jury does not learn who wrote what. */
const BLIND_PHASES: readonly Phase[] = ['submission', 'review', 'jury', 'shortlist'];

export function viewerOf(ctx: Ctx, challenge: Pick<Challenge, 'jurors'>): Viewer {
  if (ctx.actor.kind === 'system') return { team: true, juror: false };
  if (ctx.actor.kind !== 'member') return { team: false, juror: false };
  return {
    memberId: ctx.actor.memberId,
    team: can(ctx.actor, 'challenges.manage') || isTeam(ctx.actor),
    juror: challenge.jurors.includes(ctx.actor.memberId),
  };
}

/** Whether others may read entries at all in this phase (the team and jury aside). */
export function entriesOpenToReaders(challenge: Challenge, phase: Phase): boolean {
  if (!challenge.entriesPublic) return false;
  return AFTER_SUBMISSION.includes(phase) || (phase === 'submission' && !challenge.privateSubmission);
}

export function entryAccess(
  challenge: Challenge,
  phase: Phase,
  viewer: Viewer,
  entry: { authorId: string },
): EntryAccess {
  if (phase === 'draft' || phase === 'scheduled') return viewer.team ? full(challenge, phase, viewer) : NOTHING;
  if (viewer.memberId && viewer.memberId === entry.authorId)
    return { see: true, author: true, favourites: challenge.crowdRankingPublic || viewer.team, scores: false };
  if (viewer.juror) {
    const see = AFTER_SUBMISSION.includes(phase) || !challenge.privateSubmission || viewer.team;
    return see ? full(challenge, phase, viewer) : NOTHING;
  }
  if (viewer.team) return full(challenge, phase, viewer);
  const see = entriesOpenToReaders(challenge, phase);
  // Blind judging hides names from every reader, not just the jurors: a juror could read the public list too.
  return {
    see,
    author: see && !blindNow(challenge, phase),
    favourites: see && challenge.crowdRankingPublic,
    scores: false,
  };
}

const blindNow = (challenge: Challenge, phase: Phase) => challenge.blindJudging && BLIND_PHASES.includes(phase);

function full(challenge: Challenge, phase: Phase, viewer: Viewer): EntryAccess {
  return { see: true, author: !(viewer.juror && blindNow(challenge, phase)), favourites: true, scores: true };
}
