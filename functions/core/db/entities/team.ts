import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/*
 * The team's work on an idea, kept in the idea's own partition: its public status history, the
 * internal notes, each scorer's card and the assignment (which also puts the idea in the
 * assignee's queue).
 */

export interface StatusChange {
  from: string;
  to: string;
  response?: string;
  byName: string;
  at: string;
  /** A merge's entry names the idea kept. */
  mergedInto?: string;
}
const statusChange = defineEntity<StatusChange, [tenantId: string, ideaId: string, at: string]>({
  type: 'statusChange',
  key: keys.statusChange,
});
export const statusChanges = {
  ...statusChange,
  /** An idea's statuses, oldest first. */
  ofIdea: (tenantId: string, ideaId: string) =>
    statusChange.query({ pk: keys.ideaPartition(tenantId, ideaId), prefix: keys.statusChangePrefix }),
};

const note = defineEntity<
  { id: string; body: string; byName: string; at: string },
  [tenantId: string, ideaId: string, at: string, noteId: string]
>({ type: 'note', key: keys.note });
export const notes = {
  ...note,
  /** An idea's internal notes, oldest first. */
  ofIdea: (tenantId: string, ideaId: string) =>
    note.query({ pk: keys.ideaPartition(tenantId, ideaId), prefix: keys.notePrefix }),
};

const scorecard = defineEntity<
  { memberId: string; byName: string; scores: Record<string, number>; at: string },
  [tenantId: string, ideaId: string, memberId: string]
>({ type: 'scorecard', key: keys.scorecard });
export const scorecards = {
  ...scorecard,
  /** Every scorer's card of an idea, as just written (the summary is computed from them). */
  ofIdea: (tenantId: string, ideaId: string) =>
    scorecard.query({ pk: keys.ideaPartition(tenantId, ideaId), prefix: keys.scorecardPrefix }, { consistent: true }),
};

/** Who an idea is assigned to; the item sits in that member's "assigned to me" queue. */
export const assignments = defineEntity<
  { ideaId: string; title: string; memberId: string; assignedAt: string },
  [tenantId: string, ideaId: string]
>({
  type: 'assignment',
  key: keys.assignment,
  indexes: (item, tenantId) => ({ queueKey: keys.assignedQueue(tenantId, item.memberId), queueSort: item.assignedAt }),
});
