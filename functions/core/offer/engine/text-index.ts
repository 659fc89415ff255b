import { int32FromBase64, toBase64, uint16FromBase64 } from './base64.js';
import { Expander } from './expand.js';
import { Postings } from './postings.js';
import { searchTerm } from '../../text/index.js';

/** Fields in index order; a posting keeps its field in the two low bits of its entry. */
export const FIELDS = 3;
/** Words are split at spaces and punctuation, in the text indexed and in queries alike. */
export const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** Folding and stemming dominate indexing and a catalogue repeats its words: remembered, bounded. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_SIZE = 100_000;
function termOf(token: string): string | null {
  let term = termCache.get(token);
  if (term === undefined) {
    if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
    term = searchTerm(token);
    termCache.set(token, term);
  }
  return term;
}

/** The text part of a snapshot: the terms, then every posting list laid end to end. */
export interface TextJSON {
  terms: string[];
  /** Int32Array: postings per term. */
  counts: string;
  /** Int32Array: `slot << 2 | field`, slots renumbered as in the snapshot's attributes. */
  entries: string;
  /** Uint16Array: term frequency per entry. */
  tfs: string;
  /** Int32Array: documents per term and field (BM25's document frequency). */
  df: string;
  /** Uint16Array: distinct words per slot and field. */
  lengths: string;
}

/**
 * An inverted index of words to offer slots: a term dictionary, a posting list per term, and
 * per slot and field the length BM25 normalises by. Slots come from OfferAttributes.
 */
export class TextIndex {
  private readonly ids = new Map<string, number>();
  terms: string[] = [];
  postings: Postings[] = [];
  /** Per term and field. */
  df = new Int32Array(3 * 1024);
  /** Per slot and field. */
  lengths = new Uint16Array(3 * 1024);
  readonly totalLength = new Float64Array(FIELDS);
  docCount = 0;
  readonly expander = new Expander(() => this.terms);
  /** The terms of each slot, only needed to remove an offer: built on the first removal. */
  private forward: number[][] | undefined;

  private termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(term, id);
      this.postings.push(Postings.empty());
      if (this.df.length < this.terms.length * FIELDS) this.df = grow(this.df, this.terms.length * FIELDS);
    }
    return id;
  }

  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Indexes the texts of a slot, one per field; the slot must be free (removed first). */
  add(slot: number, texts: readonly string[]): void {
    if (this.lengths.length < (slot + 1) * FIELDS) this.lengths = grow(this.lengths, (slot + 1) * FIELDS);
    const termsOfSlot: number[] | undefined = this.forward ? [] : undefined;
    for (let field = 0; field < FIELDS; field++) {
      const tokens = texts[field]!.split(SPLIT);
      const counts = new Map<string, number>();
      const distinct = new Set<string>();
      for (const token of tokens) {
        if (!token) continue;
        distinct.add(token);
        const term = termOf(token);
        if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      const length = Math.min(distinct.size, 0xffff);
      this.lengths[slot * FIELDS + field] = length;
      this.totalLength[field]! += length;
      for (const [term, tf] of counts) {
        const id = this.termId(term);
        this.postings[id]!.push((slot << 2) | field, tf);
        this.df[id * FIELDS + field]!++;
        termsOfSlot?.push(id);
      }
    }
    if (this.forward && termsOfSlot) this.forward[slot] = termsOfSlot;
    this.docCount++;
  }

  remove(slot: number): void {
    const forward = this.forwardIndex();
    const fields: number[] = [];
    for (const id of new Set(forward[slot] ?? [])) {
      fields.length = 0;
      this.postings[id]!.deleteSlot(slot, fields);
      for (const field of fields) this.df[id * FIELDS + field]!--;
    }
    forward[slot] = [];
    for (let field = 0; field < FIELDS; field++) {
      this.totalLength[field]! -= this.lengths[slot * FIELDS + field]!;
      this.lengths[slot * FIELDS + field] = 0;
    }
    this.docCount--;
  }

  private forwardIndex(): number[][] {
    if (!this.forward) {
      const forward: number[][] = [];
      this.postings.forEach((p, id) => {
        for (let i = 0; i < p.length; i++) (forward[p.entries[i]! >> 2] ??= []).push(id);
      });
      this.forward = forward;
    }
    return this.forward;
  }

  /** `renumber[slot]` is the slot's number in the snapshot, `slots` how many there are. */
  toJSON(renumber: Int32Array, slots: number): TextJSON {
    const live = this.postings.flatMap((p, id) => (p.length ? [id] : []));
    const counts = new Int32Array(live.length);
    let total = 0;
    live.forEach((id, i) => (total += counts[i] = this.postings[id]!.length));
    const entries = new Int32Array(total);
    const tfs = new Uint16Array(total);
    const df = new Int32Array(live.length * FIELDS);
    let at = 0;
    live.forEach((id, i) => {
      const p = this.postings[id]!;
      for (let j = 0; j < p.length; j++, at++) {
        const entry = p.entries[j]!;
        entries[at] = (renumber[entry >> 2]! << 2) | (entry & 3);
        tfs[at] = p.tfs[j]!;
      }
      df.set(this.df.subarray(id * FIELDS, id * FIELDS + FIELDS), i * FIELDS);
    });
    const lengths = new Uint16Array(slots * FIELDS);
    renumber.forEach((to, from) => {
      if (to >= 0) lengths.set(this.lengths.subarray(from * FIELDS, from * FIELDS + FIELDS), to * FIELDS);
    });
    return {
      terms: live.map((id) => this.terms[id]!),
      counts: toBase64(counts),
      entries: toBase64(entries),
      tfs: toBase64(tfs),
      df: toBase64(df),
      lengths: toBase64(lengths),
    };
  }

  /** Posting lists become views into the snapshot's arrays: no per-posting work on load. */
  static fromJSON(json: TextJSON, slots: number): TextIndex {
    const index = new TextIndex();
    const counts = int32FromBase64(json.counts);
    const entries = int32FromBase64(json.entries);
    const tfs = uint16FromBase64(json.tfs);
    index.terms = json.terms;
    index.terms.forEach((term, id) => index.ids.set(term, id));
    let at = 0;
    index.postings = Array.from(counts, (count) => {
      const p = new Postings(entries.subarray(at, at + count), tfs.subarray(at, at + count), count);
      at += count;
      return p;
    });
    index.df = int32FromBase64(json.df);
    index.lengths = uint16FromBase64(json.lengths);
    for (let i = 0; i < index.lengths.length; i++) index.totalLength[i % FIELDS]! += index.lengths[i]!;
    index.docCount = slots;
    return index;
  }
}

function grow<T extends Int32Array | Uint16Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}
