import type { Challenge, Phase } from './schema.js';

/** Which phases open each action: the one table the rules (and the pages' forms) read. */
const OPEN_IN = {
  favour: ['review'],
  comment: ['review'],
  score: ['jury', 'shortlist'],
  shortlist: ['review', 'jury', 'shortlist'],
  decide: ['review', 'jury', 'shortlist'],
} as const satisfies Record<string, readonly Phase[]>;
export type PhaseAction = keyof typeof OPEN_IN;

/** Whether the phase opens the action (who may act is the caller's rule). */
export const openIn = (action: PhaseAction, phase: Phase) => (OPEN_IN[action] as readonly Phase[]).includes(phase);

/**
 * The phase a challenge is in at `now`: the team's state first (draft, decided, closed), then
 * the timeline. Every rule that depends on the phase asks this, with the request's clock, so a
 * late submission is refused at the very second the submission closed, whatever the clock job
 * (which only announces changes) has done yet.
 */
export function phaseAt(challenge: Pick<Challenge, 'state' | 'timeline'>, now: Date): Phase {
  if (challenge.state === 'draft' || challenge.state === 'decided' || challenge.state === 'closed')
    return challenge.state;
  const at = now.toISOString();
  const { opensAt, submissionEndsAt, reviewEndsAt, juryEndsAt } = challenge.timeline;
  if (at < opensAt) return 'scheduled';
  if (at < submissionEndsAt) return 'submission';
  if (reviewEndsAt && at < reviewEndsAt) return 'review';
  if (juryEndsAt && at < juryEndsAt) return 'jury';
  return 'shortlist';
}

/** When the phase changes next by the clock alone; undefined once only the team can move it. */
export function nextChangeAt(challenge: Pick<Challenge, 'state' | 'timeline'>, now: Date): string | undefined {
  if (challenge.state !== 'scheduled') return undefined;
  const at = now.toISOString();
  const { opensAt, submissionEndsAt, reviewEndsAt, juryEndsAt } = challenge.timeline;
  return [opensAt, submissionEndsAt, reviewEndsAt, juryEndsAt].find((end): end is string => !!end && end > at);
}
