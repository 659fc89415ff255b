import type { UpdateSpec } from '../db/index.js';

/**
 * What a change of votes does to its idea: the counts, and the two scores its section's lists
 * sort on (top: for minus against; trending: the votes' time weights). Casting, withdrawing,
 * carrying by a merge and withdrawing a deleted account's votes all write it, so they move the
 * same fields by the same rule.
 */
export function voteCounts(change: { up: number; down: number; trend: number }): UpdateSpec {
  return {
    UpdateExpression: 'ADD upVotes :up, downVotes :down, topScore :score, trendScore :trend',
    ExpressionAttributeValues: {
      ':up': change.up,
      ':down': change.down,
      ':score': change.up - change.down,
      ':trend': change.trend,
    },
  };
}
