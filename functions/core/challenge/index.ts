/*
 * Challenges (contests): a brief, a timeline of phases that move on time, entries with every
 * version kept, the crowd's favourites, a jury's scores, a shortlist with adjustment rounds, a
 * decision and rewards. What a viewer sees of an entry is decided in access.ts alone.
 */
export { entryAccess, viewerOf, type EntryAccess, type Viewer } from './access.js';
export {
  acceptNda,
  challengeAttachmentLink,
  closeChallenge,
  createChallenge,
  getChallenge,
  listChallenges,
  scheduleChallenge,
  updateChallenge,
  type ChallengeView,
} from './challenges.js';
export { advancePhases } from './clock.js';
export { commentOnEntry, listEntryComments } from './comments.js';
export { followChallenge, followsChallenge } from './follow.js';
export { challengeChanges } from './notices.js';
export { challengeFunnel, countChallengeView, exportEntriesLink, exportRewardsLink, type Funnel } from './funnel.js';
export { getEntry, listEntries, reviseEntry, submitEntry, withdrawEntry, type EntryView } from './entries.js';
export { favourEntry } from './favourites.js';
export { askAdjustment, decideChallenge, listRewards, markRewardPaid, scoreEntry, shortlistEntry } from './jury.js';
export { nextChangeAt, openIn, phaseAt, type PhaseAction } from './phase.js';
export {
  CreateChallenge,
  PHASES,
  SubmitEntry,
  UpdateChallenge,
  type Challenge,
  type Entry,
  type EntryVersion,
  type Phase,
  type RewardRecord,
  type Timeline,
} from './schema.js';
