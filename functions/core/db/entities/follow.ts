import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/** A member following an idea: told of its status changes. */
export interface Follow {
  ideaId: string;
  memberId: string;
  followedAt: string;
  /** The merged duplicate it was carried from. */
  carriedFrom?: string;
  /** Set on a duplicate's follow once a merge carried it: the kept idea's id. */
  carried?: string;
}

const entity = defineEntity<Follow, [tenantId: string, ideaId: string, memberId: string]>({
  type: 'follow',
  key: keys.follow,
  indexes: (follow, tenantId, ideaId, memberId) => ({
    ownerKey: keys.ownerKey(tenantId, memberId),
    ownerSort: keys.ownerSort('FOLLOW', follow.followedAt, ideaId),
  }),
});

export const follows = {
  ...entity,
  /** The followers of an idea (notifications, merges). */
  ofIdea: (tenantId: string, ideaId: string, options: Parameters<typeof entity.queryAll>[1] = {}) =>
    entity.queryAll({ pk: keys.ideaPartition(tenantId, ideaId), prefix: keys.followPrefix }, options),
  /** Who follows an idea (to tell them what became of it). */
  async followersOf(tenantId: string, ideaId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const follow of follows.ofIdea(tenantId, ideaId, { projection: 'memberId' })) ids.push(follow.memberId);
    return ids;
  },
};
