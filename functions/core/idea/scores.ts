/**
 * Trending without recomputation: every vote adds weight 2^((t - EPOCH) / HALF_LIFE), so a vote
 * a week old counts half a vote of now, and ordering by the running sum is ordering by decayed
 * popularity. The weights grow by 2^52 a year; DynamoDB numbers reach 1e125, so the epoch must be
 * moved forward (one rescoring job) within about seven years.
 */
const EPOCH = Date.UTC(2026, 0, 1);
const HALF_LIFE_MS = 7 * 24 * 3600 * 1000;

export function trendWeight(at: Date): number {
  return Number((2 ** ((at.getTime() - EPOCH) / HALF_LIFE_MS)).toPrecision(15));
}
