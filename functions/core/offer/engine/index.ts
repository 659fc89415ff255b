import { OfferAttributes, type AttributesJSON } from './attributes.js';
import { compileFilters, filterAndCount } from './facets.js';
import { best, Scorer, type QueryWord } from './rank.js';
import { SPLIT, TextIndex, type TextJSON } from './text-index.js';
import { SEES, type OfferDoc, type OfferQuery, type OfferSearchResult } from './types.js';
import { searchTerm } from '../../text/index.js';

export * from './types.js';

/** Long descriptions add little to ranking past their opening and cost memory at 50,000 offers. */
const DESCRIPTION_CHARS = 2000;
const MAX_LIMIT = 100;

export interface OfferIndexJSON {
  version: 2;
  text: TextJSON;
  attributes: AttributesJSON;
}

/**
 * The indexed fields: title, keywords, and summary with description as one field (a field per
 * text doubles the postings of a word found in both, for little ranking gain).
 */
const textsOf = (doc: OfferDoc) => [
  doc.title,
  doc.keywords.join(' '),
  `${doc.summary}\n${doc.description.slice(0, DESCRIPTION_CHARS)}`,
];

/**
 * The technology offers of one portal, searchable by words (French and English), filters and
 * facets, with the visibility rule applied before anything is ranked or counted. Independent of
 * storage: the caller adds published offers and removes withdrawn ones.
 */
export class OfferIndex {
  private readonly scorer: Scorer;

  private constructor(
    private readonly text: TextIndex,
    private readonly attributes: OfferAttributes,
  ) {
    this.scorer = new Scorer(text);
  }

  static empty(): OfferIndex {
    return new OfferIndex(new TextIndex(), new OfferAttributes());
  }

  /** From a snapshot written by toJSON (a JSON string or the parsed object). */
  static load(json: string | OfferIndexJSON): OfferIndex {
    const snapshot: OfferIndexJSON = typeof json === 'string' ? JSON.parse(json) : json;
    if (snapshot.version !== 2) throw new Error(`Unknown offer index snapshot version: ${snapshot.version}`);
    return new OfferIndex(
      TextIndex.fromJSON(snapshot.text, snapshot.attributes.ids.length),
      OfferAttributes.fromJSON(snapshot.attributes),
    );
  }

  get size(): number {
    return this.attributes.size;
  }

  has(id: string): boolean {
    return this.attributes.slotOf.has(id);
  }

  /** Adds an offer, or replaces the one with the same id. */
  add(doc: OfferDoc): void {
    const texts = textsOf(doc);
    const slot = this.attributes.slotOf.get(doc.id);
    if (slot !== undefined) this.text.remove(slot);
    this.text.add(this.attributes.set(doc), texts);
  }

  addAll(docs: Iterable<OfferDoc>): void {
    for (const doc of docs) this.add(doc);
  }

  remove(id: string): boolean {
    const slot = this.attributes.slotOf.get(id);
    if (slot === undefined) return false;
    this.text.remove(slot); // before the slot can be reused by the next add
    return this.attributes.delete(id);
  }

  search(query: OfferQuery): OfferSearchResult {
    const a = this.attributes;
    const sees = SEES[query.viewer];
    if (sees === undefined) throw new Error(`Unknown viewer: ${query.viewer}`);
    const words = query.q?.trim() ?? '';

    const candidates = words ? this.matching(words, sees, query.anyWord ?? false) : a.newestVisibleTo(sees);
    const { passing, facets } = filterAndCount(a, candidates, compileFilters(query.filters ?? {}, a));

    const offset = Math.max(0, Math.floor(query.cursor ?? 0));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? 20)));
    const score = (slot: number) => (words ? this.scorer.score(slot) : 0);
    let page: number[];
    if (!words)
      page = passing.slice(offset, offset + limit); // already newest first
    else {
      // Only the hits up to the page's end are put in order; ties go by id, so a snapshot ranks alike.
      const byScore = (x: number, y: number) => score(x) > score(y) || (score(x) === score(y) && a.ids[x]! < a.ids[y]!);
      const byDate = (x: number, y: number) =>
        a.publishedAt[x]! > a.publishedAt[y]! || (a.publishedAt[x] === a.publishedAt[y] && byScore(x, y));
      page = best(passing, offset + limit, query.sort === 'newest' ? byDate : byScore).slice(offset);
    }
    const hits = page.map((slot) => ({ id: a.ids[slot]!, score: score(slot) }));
    return { hits, total: passing.length, facets };
  }

  /**
   * Visible slots matching the words. Every word must match (AND); if no offer has them all,
   * any of them will do (OR), so a long query still finds something.
   */
  private matching(words: string, sees: number, any: boolean): number[] {
    const terms = words
      .split(SPLIT)
      .map(searchTerm)
      .filter((t): t is string => !!t);
    if (!terms.length) return [];
    // The last word may be unfinished (search as you type).
    const query: QueryWord[] = terms.map((term, i) => ({ term, prefix: i === terms.length - 1 }));
    return this.scorer.match(query, this.attributes.visibility, sees, /\s/.test(words), any);
  }

  toJSON(): OfferIndexJSON {
    // Snapshot slots are the live slots in the order the attributes write them.
    const renumber = new Int32Array(this.attributes.ids.length).fill(-1);
    let next = 0;
    for (const slot of this.attributes.slotOf.values()) renumber[slot] = next++;
    return { version: 2, text: this.text.toJSON(renumber, next), attributes: this.attributes.toJSON() };
  }
}
