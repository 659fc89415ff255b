/** How many texts (ideas and comments) mention each term over a window, and how many texts there were. */
export interface TermCounts {
  counts: Map<string, number>;
  texts: number;
}

export interface Theme {
  term: string;
  /** Texts that mention it in the recent window. */
  recent: number;
  /** Texts that mention it in the window before. */
  before: number;
  /** Growth against what the earlier window predicts: (recent + 1) / (expected + 1). */
  score: number;
}

export const THEME_RULES = {
  limit: 10,
  /** A theme is mentioned by at least this many texts in the recent window: fewer is noise. */
  minRecent: 3,
  /** ... and grows by at least half against what the window before predicts. */
  minGrowth: 1.5,
  /** A word whose phrase carries most of its mentions ("oat" inside "oat milk") is left to the phrase. */
  phraseShare: 0.8,
};

/**
 * Rising themes: terms mentioned more in the recent window than the window before predicts.
 * The prediction scales the earlier count by the ratio of text volumes, so a busier week does not
 * make every word "rise"; adding one to both sides keeps a term seen 3 times from outranking
 * one seen 40 times, and new terms (expected 0) still rank by how often they appear.
 */
export function risingThemes(recent: TermCounts, before: TermCounts, rules = THEME_RULES): Theme[] {
  const volume = before.texts > 0 ? recent.texts / before.texts : 0;
  const candidates: Theme[] = [];
  for (const [term, count] of recent.counts) {
    if (count < rules.minRecent) continue;
    const earlier = before.counts.get(term) ?? 0;
    const score = (count + 1) / (earlier * volume + 1);
    if (score >= rules.minGrowth)
      candidates.push({ term, recent: count, before: earlier, score: Math.round(score * 100) / 100 });
  }
  const words = (t: Theme) => t.term.split(' ').length;
  candidates.sort(
    (a, b) => b.score - a.score || b.recent - a.recent || words(b) - words(a) || a.term.localeCompare(b.term),
  );
  const phrases = candidates.filter((t) => words(t) > 1);
  const carriedByPhrase = (t: Theme) =>
    words(t) === 1 &&
    phrases.some((p) => p.term.split(' ').includes(t.term) && p.recent >= rules.phraseShare * t.recent);
  return candidates.filter((t) => !carriedByPhrase(t)).slice(0, rules.limit);
}
