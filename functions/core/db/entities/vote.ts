import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/** One member's vote on one idea: for (1) or against (-1); withdrawing deletes it. */
export interface Vote {
  ideaId: string;
  /** Removed when the voter deletes their account: the vote still counts, for no one. */
  memberId?: string;
  value: 1 | -1;
  /** The trend weight it gave the idea when cast, taken back exactly when withdrawn. */
  weight: number;
  votedAt: string;
  /** The merged duplicate it was carried from. */
  carriedFrom?: string;
  /** Set on a duplicate's vote once a merge carried it: the kept idea's id. */
  carried?: string;
}

const entity = defineEntity<Vote, [tenantId: string, ideaId: string, memberId: string]>({
  type: 'vote',
  key: keys.vote,
  // A member's votes, newest last, on the owner index (an anonymised vote keeps no owner).
  indexes: (vote, tenantId, ideaId, memberId): Record<string, string> =>
    vote.memberId
      ? { ownerKey: keys.ownerKey(tenantId, memberId), ownerSort: keys.ownerSort('VOTE', vote.votedAt, ideaId) }
      : {},
});

export const votes = {
  ...entity,
  /** The votes of an idea, each voter once (notifications, merges, exports). */
  ofIdea: (tenantId: string, ideaId: string, options: Parameters<typeof entity.queryAll>[1] = {}) =>
    entity.queryAll({ pk: keys.ideaPartition(tenantId, ideaId), prefix: keys.votePrefix }, options),
  /** Who voted for or against an idea and still has an account (to tell them what became of it). */
  async votersOf(tenantId: string, ideaId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const vote of votes.ofIdea(tenantId, ideaId, { projection: 'memberId' }))
      if (vote.memberId) ids.push(vote.memberId);
    return ids;
  },
};
