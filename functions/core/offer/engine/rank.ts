import { FIELDS, type TextIndex } from './text-index.js';

/*
 * BM25+ per field, as MiniSearch scored (k 1.2, b 0.7, d 0.5), so rankings stay as they were:
 * a word's score in a field is boost · weight of the matched term · idf · tf part; an offer's
 * score sums over words and fields, then is multiplied by how many of the words it has.
 */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** title ×3, keywords ×2, summary + description ×1. */
const BOOSTS = [3, 2, 1];

export interface QueryWord {
  term: string;
  prefix: boolean;
}

/**
 * Scores accumulate in arrays sized to the slots, reused across searches: a search touches
 * only the slots its words reach and clears just those at the start of the next one.
 */
export class Scorer {
  private scores = new Float64Array(0);
  /** How many of the query's words each slot has. */
  private matched = new Uint16Array(0);
  /** The last word (by a running number) that reached each slot, to count a word once. */
  private stamp = new Int32Array(0);
  private word = 0;
  private touched: number[] = [];

  constructor(private readonly text: TextIndex) {}

  /**
   * Slots visible at `sees` having every word, or, if none has them all and `fallBack`, any of them
   * (`any`: always any of them). Unordered; score() gives their score until the next call.
   */
  match(
    words: readonly QueryWord[],
    visibility: readonly number[],
    sees: number,
    fallBack: boolean,
    any = false,
  ): number[] {
    this.reset();
    const text = this.text;
    const avg = Array.from(text.totalLength, (total) => (text.docCount ? total / text.docCount : 0) || 1);
    const coef = new Float64Array(FIELDS);
    for (const { term, prefix } of words) {
      const stamp = ++this.word;
      const { terms, weights } = text.expander.expand(term, prefix);
      for (let t = 0; t < terms.length; t++) {
        const id = text.find(terms[t]!);
        if (id === undefined) continue;
        const postings = text.postings[id]!;
        if (!postings.length) continue;
        for (let f = 0; f < FIELDS; f++) {
          const df = text.df[id * FIELDS + f]!;
          coef[f] = weights[t]! * BOOSTS[f]! * Math.log(1 + (text.docCount - df + 0.5) / (df + 0.5));
        }
        this.accumulate(postings.entries, postings.tfs, postings.length, coef, avg, stamp, visibility, sees);
      }
    }
    const all = words.length;
    const found: number[] = [];
    for (const slot of this.touched) if (this.matched[slot] === all) found.push(slot);
    return any || (!found.length && fallBack) ? this.touched.slice() : found;
  }

  /** The final score of a slot returned by the last match. */
  score(slot: number): number {
    return this.scores[slot]! * this.matched[slot]!;
  }

  private accumulate(
    entries: Int32Array,
    tfs: Uint16Array,
    length: number,
    coef: Float64Array,
    avg: number[],
    stamp: number,
    visibility: readonly number[],
    sees: number,
  ) {
    const { scores, matched, touched, text } = this;
    const lengths = text.lengths;
    for (let i = 0; i < length; i++) {
      const entry = entries[i]!;
      const slot = entry >> 2;
      if (visibility[slot]! > sees) continue; // hidden offers never reach the ranking
      const field = entry & 3;
      const tf = tfs[i]!;
      const norm = 1 - B + (B * lengths[slot * FIELDS + field]!) / avg[field]!;
      scores[slot]! += coef[field]! * (D + (tf * (K + 1)) / (tf + K * norm));
      if (this.stamp[slot] !== stamp) {
        this.stamp[slot] = stamp;
        if (matched[slot]!++ === 0) touched.push(slot);
      }
    }
  }

  private reset(): void {
    const slots = this.text.lengths.length / FIELDS;
    if (this.scores.length < slots) {
      this.scores = new Float64Array(slots);
      this.matched = new Uint16Array(slots);
      this.stamp = new Int32Array(slots);
      this.touched = [];
      return;
    }
    for (const slot of this.touched) {
      this.scores[slot] = 0;
      this.matched[slot] = 0;
    }
    this.touched = [];
  }
}

/** The k best slots in order, by a "comes first" test, without sorting them all. */
export function best(slots: readonly number[], k: number, first: (a: number, b: number) => boolean): number[] {
  const byOrder = (a: number, b: number) => (first(a, b) ? -1 : first(b, a) ? 1 : 0);
  if (k >= slots.length || k > 1000) return [...slots].sort(byOrder).slice(0, k);
  const top: number[] = [];
  for (const slot of slots) {
    if (top.length === k && !first(slot, top[k - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (first(slot, top[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, slot);
    if (top.length > k) top.pop();
  }
  return top;
}
