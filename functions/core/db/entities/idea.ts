import type { Idea } from '../../idea/index.js';
import { defineEntity, type QueryOptions } from '../entity.js';
import { keys } from '../keys.js';

/**
 * An idea as stored: the member-facing `Idea` (idea/schema.ts) plus the team's fields and the
 * two scores its section's indexes sort on (kept by votes, never by a rewrite).
 */
export interface StoredIdea extends Idea {
  topScore?: number;
  trendScore?: number;
  assigneeId?: string;
  [attribute: string]: unknown;
}

/** Every index attribute that follows an idea's state: a rewrite removes those its new state does not set. */
export const IDEA_STATE_INDEXES = ['sectionKey', 'listKey', 'listSort', 'queueKey', 'queueSort'] as const;

/**
 * Where an idea's state puts it. A published idea is in its section's five sort indexes and in
 * its status list; a pending one only in the moderation queue; a merged one only in its status
 * list (its page stays, pointing to the kept idea); a deleted, rejected or hidden one in none.
 */
export function ideaStateIndexes(tenantId: string, idea: Idea): Record<string, string> {
  if (idea.deleted || idea.moderation === 'rejected' || idea.moderation === 'hidden') return {};
  if (idea.moderation) return { queueKey: keys.queue(tenantId, 'MODERATION'), queueSort: idea.createdAt };
  if (idea.status === 'merged') return { listKey: keys.ideasByStatus(tenantId, idea.status), listSort: idea.updatedAt };
  return {
    sectionKey: keys.sectionKey(tenantId, idea.sectionId),
    listKey: keys.ideasByStatus(tenantId, idea.status),
    listSort: idea.updatedAt,
  };
}

const idea = defineEntity<StoredIdea, [tenantId: string, ideaId: string]>({
  type: 'idea',
  key: keys.idea,
  indexes: (idea, tenantId) => ({
    ...ideaStateIndexes(tenantId, idea),
    ownerKey: keys.ownerKey(tenantId, idea.authorId),
    ownerSort: keys.ownerSort('IDEA', idea.createdAt, idea.id),
  }),
});
export const ideas = {
  ...idea,
  /** A portal's ideas of one status, most recently changed first, a page at a time (ideas in action). */
  withStatus: (tenantId: string, status: string, options: QueryOptions = {}) =>
    idea.query({ index: 'byList', key: keys.ideasByStatus(tenantId, status) }, { descending: true, ...options }),
  /** Every idea of one status changed since `from` (its list's sort key is `updatedAt`): exports. */
  changedSince: (tenantId: string, status: string, from: string) =>
    idea.queryAll({ index: 'byList', key: keys.ideasByStatus(tenantId, status), from }),
  /** Every idea of one status (the impact-versus-effort chart, exports). */
  allWithStatus: (tenantId: string, status: string, options: Omit<QueryOptions, 'start' | 'limit'> = {}) =>
    idea.queryAll({ index: 'byList', key: keys.ideasByStatus(tenantId, status) }, options),
};

/** An entry of the portal's idea search log: what the search holds of the idea, written with every change to it. */
export const searchLogEntries = defineEntity<
  { ideaId: string; title: string; text: string; sectionId: string; status: string; visible: boolean },
  [tenantId: string, at: string, ideaId: string, nonce: string]
>({ type: 'searchLogEntry', key: keys.searchLogEntry });
