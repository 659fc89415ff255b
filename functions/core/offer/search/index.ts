import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { OfferAttributes, type AttributesJSON } from './attributes.js';
import { compileFilters, filterAndCount } from './facets.js';
import { VISIBILITIES, type OfferDoc, type OfferQuery, type OfferSearchResult, type Viewer } from './types.js';
import { offerTerm } from './words.js';

export * from './types.js';

/**
 * The words MiniSearch indexes, under the offer's slot number (results then need no lookup by id);
 * nothing is stored in it (the attributes live beside it). Summary and description form one
 * field: a field per text doubles the postings of a word found in both, for little ranking gain.
 */
interface TextDoc {
  id: number;
  title: string;
  keywords: string;
  body: string;
}

/** Long descriptions add little to ranking past their opening and cost memory at 50,000 offers. */
const DESCRIPTION_CHARS = 2000;
const MAX_LIMIT = 100;

const MINI_OPTIONS: Options<TextDoc> = {
  fields: ['title', 'keywords', 'body'],
  storeFields: [],
  processTerm: offerTerm,
};

const SEARCH: SearchOptions = {
  boost: { title: 3, keywords: 2 },
  // The last word may be unfinished (search as you type); a typo is tolerated in words of 5+ letters.
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  // One typo, not two: a distance of 2 on long words multiplies the terms to score for little gain.
  maxFuzzy: 1,
};

/** The highest visibility each viewer may see, as an index into VISIBILITIES. */
const SEES: Record<Viewer, number> = { member: VISIBILITIES.indexOf('public'), partner: VISIBILITIES.indexOf('partners'), team: VISIBILITIES.indexOf('team') };

export interface OfferIndexJSON {
  version: 1;
  text: ReturnType<MiniSearch<TextDoc>['toJSON']>;
  attributes: AttributesJSON;
}

const textOf = (slot: number, doc: OfferDoc): TextDoc => ({
  id: slot,
  title: doc.title,
  keywords: doc.keywords.join(' '),
  body: `${doc.summary}\n${doc.description.slice(0, DESCRIPTION_CHARS)}`,
});

/**
 * The technology offers of one portal, searchable by words (French and English), filters and
 * facets, with the visibility rule applied before anything is ranked or counted. Independent of
 * storage: the caller adds published offers and removes withdrawn ones.
 */
export class OfferIndex {
  private constructor(
    private readonly text: MiniSearch<TextDoc>,
    private readonly attributes: OfferAttributes,
  ) {}

  static empty(): OfferIndex {
    return new OfferIndex(new MiniSearch<TextDoc>(MINI_OPTIONS), new OfferAttributes());
  }

  /** From a snapshot written by toJSON (a JSON string or the parsed object). */
  static load(json: string | OfferIndexJSON): OfferIndex {
    const snapshot: OfferIndexJSON = typeof json === 'string' ? JSON.parse(json) : json;
    if (snapshot.version !== 1) throw new Error(`Unknown offer index snapshot version: ${snapshot.version}`);
    return new OfferIndex(MiniSearch.loadJS<TextDoc>(snapshot.text, MINI_OPTIONS), OfferAttributes.fromJSON(snapshot.attributes));
  }

  get size(): number {
    return this.attributes.size;
  }

  has(id: string): boolean {
    return this.attributes.slotOf.has(id);
  }

  /** Adds an offer, or replaces the one with the same id. */
  add(doc: OfferDoc): void {
    const slot = this.attributes.slotOf.get(doc.id);
    if (slot !== undefined) this.text.discard(slot);
    this.text.add(textOf(this.attributes.set(doc), doc));
  }

  addAll(docs: Iterable<OfferDoc>): void {
    for (const doc of docs) this.add(doc);
  }

  remove(id: string): boolean {
    const slot = this.attributes.slotOf.get(id);
    if (slot === undefined) return false;
    this.text.discard(slot); // before the slot can be reused by the next add
    return this.attributes.delete(id);
  }

  search(query: OfferQuery): OfferSearchResult {
    const a = this.attributes;
    const sees = SEES[query.viewer];
    if (sees === undefined) throw new Error(`Unknown viewer: ${query.viewer}`);
    const visible = (slot: number) => a.visibility[slot]! <= sees;
    const words = query.q?.trim() ?? '';

    const scores = new Map<number, number>();
    const ranked = words ? this.matching(words, visible, scores) : a.newestFirst().filter(visible);
    const { passing, facets } = filterAndCount(a, ranked, compileFilters(query.filters ?? {}, a));
    if (words && query.sort === 'newest') passing.sort((x, y) => a.publishedAt[y]! - a.publishedAt[x]!);

    const offset = Math.max(0, Math.floor(query.cursor ?? 0));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? 20)));
    const hits = passing.slice(offset, offset + limit).map((slot) => ({ id: a.ids[slot]!, score: scores.get(slot) ?? 0 }));
    return { hits, total: passing.length, facets };
  }

  /**
   * Visible slots matching the words, best first. Every word must match (AND); if no offer has
   * them all, any of them will do (OR), so a long query still finds something.
   */
  private matching(words: string, visible: (slot: number) => boolean, scores: Map<number, number>): number[] {
    const slots: number[] = [];
    const options: SearchOptions = {
      ...SEARCH,
      // Applied while MiniSearch collects results, so hidden offers never reach the ranking.
      boostDocument: (slot: number) => (visible(slot) ? 1 : 0),
    };
    for (const combineWith of ['AND', 'OR'] as const) {
      for (const result of this.text.search(words, { ...options, combineWith })) {
        scores.set(result.id, result.score);
        slots.push(result.id);
      }
      if (slots.length || !/\s/.test(words.trim())) break; // OR of one word is the same search
    }
    return slots;
  }

  toJSON(): OfferIndexJSON {
    return { version: 1, text: this.text.toJSON(), attributes: this.attributes.toJSON() };
  }
}
