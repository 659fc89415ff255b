import type { Challenge, Entry, EntryVersion, RewardRecord } from '../../challenge/index.js';
import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/**
 * A challenge: on its portal's list (newest first), and on the platform's phase clock while a
 * phase change is due (`nextChangeAt`, kept by the challenge's writes: core/challenge/clock.ts).
 */
const challenge = defineEntity<Challenge & { nextChangeAt?: string }, [tenantId: string, challengeId: string]>({
  type: 'challenge',
  key: keys.challenge,
  indexes: (c, tenantId): Record<string, string> => ({
    listKey: keys.challengesList(tenantId),
    listSort: `${c.createdAt}#${c.id}`,
    ...(c.nextChangeAt ? { queueKey: keys.phaseClock(), queueSort: `${c.nextChangeAt}#${tenantId}#${c.id}` } : {}),
  }),
});
export const challenges = {
  ...challenge,
  /** A portal's challenges, newest first, a page at a time. */
  pageOf: (tenantId: string, options: { limit: number; start?: Record<string, unknown> }) =>
    challenge.query({ index: 'byList', key: keys.challengesList(tenantId) }, { descending: true, ...options }),
  /** Every challenge of every portal whose next phase change is due by `now` (the clock's one query). */
  due: (now: string) => challenge.queryAll({ index: 'byQueue', key: keys.phaseClock(), before: `${now}#~` }),
};

/** The sort an entry list reads: newest, most favoured, best scored. */
export type EntrySort = 'new' | 'favourites' | 'score';
const SORT_INDEX = { new: 'bySectionNew', favourites: 'bySectionTop', score: 'bySectionTrend' } as const;

/**
 * An entry, in its challenge's partition. An active entry is in its challenge's three sort
 * indexes (the section indexes, under the challenge's entries key: `topScore` is its favourite
 * count, `trendScore` its average jury score); a withdrawn one in none. On its author's owner
 * index for "my entries".
 */
const entry = defineEntity<
  Entry & { topScore?: number; trendScore?: number },
  [tenantId: string, challengeId: string, entryId: string]
>({
  type: 'entry',
  key: keys.entry,
  indexes: (e, tenantId): Record<string, string> => ({
    ...(e.status === 'active' ? { sectionKey: keys.challengeEntries(tenantId, e.challengeId) } : {}),
    ownerKey: keys.ownerKey(tenantId, e.authorId),
    ownerSort: keys.ownerSort('ENTRY', e.createdAt, e.id),
  }),
});
export const entries = {
  ...entry,
  /** A page of a challenge's active entries in one sort order, best or newest first. */
  pageOf: (
    tenantId: string,
    challengeId: string,
    sort: EntrySort,
    options: { limit: number; start?: Record<string, unknown> },
  ) =>
    entry.query(
      { index: SORT_INDEX[sort], key: keys.challengeEntries(tenantId, challengeId) },
      { descending: true, ...options },
    ),
  /** Every active entry of a challenge (the decision, exports), newest first. */
  allOf: (tenantId: string, challengeId: string) =>
    entry.queryAll({ index: 'bySectionNew', key: keys.challengeEntries(tenantId, challengeId) }, { descending: true }),
};

export const entryVersions = {
  ...defineEntity<EntryVersion, [tenantId: string, challengeId: string, entryId: string, n: number]>({
    type: 'entryVersion',
    key: keys.entryVersion,
  }),
};
/** Every version of an entry, first to last (one Query on the challenge's partition). */
export const versionsOf = (tenantId: string, challengeId: string, entryId: string) =>
  entryVersions.queryAll({ pk: keys.challenge(tenantId, challengeId).pk, prefix: keys.entryVersionPrefix(entryId) });

export const favourites = defineEntity<
  { entryId: string; memberId: string; at: string },
  [tenantId: string, challengeId: string, entryId: string, memberId: string]
>({ type: 'favourite', key: keys.favourite });

export const favouriteCaps = defineEntity<
  { memberId: string; count: number },
  [tenantId: string, challengeId: string, memberId: string]
>({ type: 'favouriteCap', key: keys.favouriteCap });

export const juryScores = defineEntity<
  { entryId: string; jurorId: string; score: number; scores?: Record<string, number>; comment?: string; at: string },
  [tenantId: string, challengeId: string, entryId: string, jurorId: string]
>({ type: 'juryScore', key: keys.juryScore });

export const entryComments = {
  ...defineEntity<
    {
      id: string;
      entryId: string;
      authorId: string;
      authorName: string;
      authorPhoto?: string;
      body: string;
      at: string;
    },
    [tenantId: string, challengeId: string, entryId: string, at: string, commentId: string]
  >({ type: 'entryComment', key: keys.entryComment }),
};
/** An entry's comments, oldest first (one Query on the challenge's partition). */
export const commentsOf = (tenantId: string, challengeId: string, entryId: string) =>
  entryComments.queryAll({ pk: keys.challenge(tenantId, challengeId).pk, prefix: keys.entryCommentPrefix(entryId) });

export const challengeFollows = defineEntity<
  { memberId: string; at: string },
  [tenantId: string, challengeId: string, memberId: string]
>({ type: 'challengeFollow', key: keys.challengeFollow });
/** Who follows a challenge (its phase notices). */
export const followersOfChallenge = (tenantId: string, challengeId: string) =>
  challengeFollows.queryAll({ pk: keys.challenge(tenantId, challengeId).pk, prefix: keys.challengeFollowPrefix });

export const challengeViews = defineEntity<{ count: number }, [tenantId: string, challengeId: string]>({
  type: 'challengeViews',
  key: keys.challengeViews,
});

export const ndaAcceptances = defineEntity<
  { memberId: string; at: string; text: string },
  [tenantId: string, challengeId: string, memberId: string]
>({ type: 'ndaAcceptance', key: keys.ndaAcceptance });

const reward = defineEntity<RewardRecord, [tenantId: string, challengeId: string, rank: number]>({
  type: 'reward',
  key: keys.reward,
});
export const rewards = {
  ...reward,
  /** A challenge's rewards by rank. */
  allOf: (tenantId: string, challengeId: string) =>
    reward.queryAll({ pk: keys.challenge(tenantId, challengeId).pk, prefix: keys.rewardPrefix }),
};
