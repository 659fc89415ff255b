/*
 * A query word becomes the index terms it matches: itself, the longer terms it begins (the last
 * word, being typed) and the terms one edit away (words of 5+ letters). Weights follow MiniSearch,
 * which this index replaces, so rankings stay as they were: a prefix match weighs
 * 0.375·len/(len + 0.3·extra letters), a typo 0.45·len/(len + 1).
 */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const FUZZY_MIN_LENGTH = 5;
const CACHE_SIZE = 2000;

export interface Expansion {
  terms: string[];
  weights: number[];
}

/** True if a and b are at most one insertion, deletion or substitution apart (and differ). */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const extra = a.length - b.length;
  if (extra > 1) return false;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === b.length) return extra === 1;
  // First difference: skip it in the longer word (extra letter) or in both (substitution).
  const j = extra ? i : i + 1;
  return a.slice(i + 1) === b.slice(j);
}

/**
 * Expansions over a dictionary that only grows (terms are never forgotten, only emptied). The
 * sorted list and the length buckets are rebuilt on the first query after new terms arrive; an
 * expansion is cached per word until then.
 */
export class Expander {
  private sorted: string[] = [];
  private byLength: string[][] = [];
  private builtFor = -1;
  private readonly cache = new Map<string, Expansion>();

  constructor(private readonly dictionary: () => string[]) {}

  expand(term: string, prefix: boolean): Expansion {
    this.refresh();
    const key = `${prefix ? '>' : '='}${term}`;
    let expansion = this.cache.get(key);
    if (!expansion) {
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      expansion = this.compute(term, prefix);
      this.cache.set(key, expansion);
    }
    return expansion;
  }

  private refresh(): void {
    const terms = this.dictionary();
    if (terms.length === this.builtFor) return;
    this.sorted = [...terms].sort();
    this.byLength = [];
    for (const t of this.sorted) (this.byLength[t.length] ??= []).push(t);
    this.builtFor = terms.length;
    this.cache.clear();
  }

  private compute(term: string, prefix: boolean): Expansion {
    const terms = [term];
    const weights = [1];
    const prefixed = new Set<string>();
    if (prefix) {
      for (let i = lowerBound(this.sorted, term); i < this.sorted.length && this.sorted[i]!.startsWith(term); i++) {
        const found = this.sorted[i]!;
        const extra = found.length - term.length;
        if (!extra) continue;
        prefixed.add(found);
        terms.push(found);
        weights.push((PREFIX_WEIGHT * found.length) / (found.length + 0.3 * extra));
      }
    }
    if (term.length >= FUZZY_MIN_LENGTH) {
      for (let length = term.length - 1; length <= term.length + 1; length++) {
        for (const found of this.byLength[length] ?? []) {
          if (prefixed.has(found) || !oneEditApart(term, found)) continue;
          terms.push(found);
          weights.push((FUZZY_WEIGHT * found.length) / (found.length + 1));
        }
      }
    }
    return { terms, weights };
  }
}

function lowerBound(sorted: string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
