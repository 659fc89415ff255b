import { describe, expect, it } from 'vitest';
import { termsOf } from '../../functions/core/insights/terms.js';
import { risingThemes, type TermCounts } from '../../functions/core/insights/themes.js';

const counts = (texts: number, entries: Record<string, number>): TermCounts => ({
  texts,
  counts: new Map(Object.entries(entries)),
});

describe('terms of a text', () => {
  it('folds accents and case, drops French and English stop words, and joins neighbours into phrases', () => {
    // "au" is a stop word between two content words: the phrase bridges it; the comma ends the clause.
    expect(termsOf("Du lait d'avoine au Café, s'il vous plaît !")).toEqual([
      'lait',
      'avoine',
      'lait avoine',
      'cafe',
      'avoine cafe',
      'plait',
    ]);
    expect(termsOf('Oat milk for the coffee')).toEqual(['oat', 'milk', 'oat milk', 'coffee', 'milk coffee']);
  });

  it('never joins words across punctuation, skips numbers and links, and counts each term once', () => {
    const terms = termsOf('Recycling bins. Bins everywhere, see https://example.com/bins?x=1 in 2026');
    expect(terms).toEqual(['recycling', 'bins', 'recycling bins', 'everywhere', 'bins everywhere', 'see']);
    expect(terms).not.toContain('example');
  });

  it('keeps at most the first N terms, title first', () => {
    const long = Array.from(
      { length: 100 },
      (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    ).join(' ');
    expect(termsOf(`Title here\n${long}`, 40)).toHaveLength(40);
    expect(termsOf(`Title here\n${long}`, 40).slice(0, 1)).toEqual(['title']);
  });
});

describe('rising themes', () => {
  it('ranks a term that appears against what the earlier window predicts, phrases before their words', () => {
    const recent = counts(70, { 'oat milk': 40, oat: 40, milk: 42, coffee: 20, cups: 19, tea: 3 });
    const before = counts(100, { coffee: 28, cups: 27, milk: 2, tea: 0 });
    const themes = risingThemes(recent, before);
    expect(themes[0]).toMatchObject({ term: 'oat milk', recent: 40, before: 0, score: 41 });
    // "oat" and "milk" live mostly inside "oat milk"; coffee and cups only follow the volume.
    expect(themes.map((t) => t.term)).toEqual(['oat milk', 'tea']);
  });

  it('needs a minimum count and real growth, and scales the past by the volume of texts', () => {
    // Twice as many texts this week: twice the mentions is no growth.
    expect(risingThemes(counts(200, { bikes: 20 }), counts(100, { bikes: 10 }))).toEqual([]);
    expect(risingThemes(counts(100, { bikes: 2 }), counts(100, {}))).toEqual([]);
    expect(risingThemes(counts(100, { bikes: 40 }), counts(100, { bikes: 10 }))[0]).toMatchObject({
      term: 'bikes',
      score: 3.73,
    });
  });

  it('keeps ten, highest first, a larger count winning a tie', () => {
    const recent = counts(
      50,
      Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`term${String.fromCharCode(97 + i)}`, 3 + i])),
    );
    const themes = risingThemes(recent, counts(0, {}));
    expect(themes).toHaveLength(10);
    expect(themes[0]).toMatchObject({ term: 'termo', recent: 17 });
    expect(themes.map((t) => t.recent)).toEqual([...themes.map((t) => t.recent)].sort((a, b) => b - a));
  });
});
