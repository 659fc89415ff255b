import { IP_STATUSES, MATURITIES, PARTNERSHIPS, VISIBILITIES, type OfferDoc } from './types.js';

/** Open-ended values (sectors, countries) as small integer codes, so a document holds numbers, not strings. */
class Dictionary {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  constructor(names: readonly string[] = []) {
    for (const name of names) this.code(name);
  }
  code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.push(name) - 1;
      this.codes.set(name, code);
    }
    return code;
  }
  find(name: string): number | undefined {
    return this.codes.get(name);
  }
}

/** The attributes as stored in a snapshot: one array per attribute, one entry per offer. */
export interface AttributesJSON {
  ids: string[];
  visibility: number[];
  maturity: number[];
  trl: number[];
  ip: number[];
  partnerships: number[];
  country: number[];
  sectors: number[][];
  publishedAt: number[];
  sectorNames: string[];
  countryNames: string[];
}

const codeOf = <T extends string>(list: readonly T[], value: T, what: string) => {
  const code = list.indexOf(value);
  if (code < 0) throw new Error(`Unknown ${what}: ${value}`);
  return code;
};

/**
 * What filters, facets, visibility and the newest sort read, kept per document slot in plain
 * arrays of small integers: counting facets over 50,000 hits then reads numbers, not objects.
 * A removed document's slot is reused by the next one added.
 */
export class OfferAttributes {
  readonly slotOf = new Map<string, number>();
  ids: (string | undefined)[] = [];
  visibility: number[] = [];
  maturity: number[] = [];
  trl: number[] = [];
  ip: number[] = [];
  /** A bit per entry of PARTNERSHIPS. */
  partnerships: number[] = [];
  country: number[] = [];
  sectors: number[][] = [];
  publishedAt: number[] = [];
  readonly sectorNames: Dictionary;
  readonly countryNames: Dictionary;
  private readonly freeSlots: number[] = [];
  /** Live slots newest first, rebuilt on the first list after a write. */
  private newest: number[] | undefined;
  /** The same, per highest visibility seen: a list without words then needs no filtering. */
  private newestVisible: (number[] | undefined)[] = [];

  constructor(sectorNames: readonly string[] = [], countryNames: readonly string[] = []) {
    this.sectorNames = new Dictionary(sectorNames);
    this.countryNames = new Dictionary(countryNames);
  }

  get size() {
    return this.slotOf.size;
  }

  set(doc: OfferDoc): number {
    if (!Number.isInteger(doc.trl) || doc.trl < 1 || doc.trl > 9) throw new Error(`TRL out of 1-9: ${doc.trl}`);
    const published = Date.parse(doc.publishedAt);
    if (Number.isNaN(published)) throw new Error(`Not a date: ${doc.publishedAt}`);
    const slot = this.slotOf.get(doc.id) ?? this.freeSlots.pop() ?? this.ids.length;
    this.slotOf.set(doc.id, slot);
    this.ids[slot] = doc.id;
    this.visibility[slot] = codeOf(VISIBILITIES, doc.visibility, 'visibility');
    this.maturity[slot] = codeOf(MATURITIES, doc.maturity, 'maturity');
    this.trl[slot] = doc.trl;
    this.ip[slot] = codeOf(IP_STATUSES, doc.ip, 'IP status');
    this.partnerships[slot] = doc.partnerships.reduce(
      (bits, p) => bits | (1 << codeOf(PARTNERSHIPS, p, 'partnership')),
      0,
    );
    this.country[slot] = this.countryNames.code(doc.country.toUpperCase());
    this.sectors[slot] = [...new Set(doc.sectors)].map((s) => this.sectorNames.code(s));
    this.publishedAt[slot] = published;
    this.newest = undefined;
    this.newestVisible = [];
    return slot;
  }

  delete(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.sectors[slot] = [];
    this.freeSlots.push(slot);
    this.newest = undefined;
    this.newestVisible = [];
    return true;
  }

  newestFirst(): number[] {
    this.newest ??= [...this.slotOf.values()].sort(
      (a, b) => this.publishedAt[b]! - this.publishedAt[a]! || (this.ids[a]! < this.ids[b]! ? -1 : 1),
    );
    return this.newest;
  }

  /** Live slots of visibility `sees` or lower, newest first; not to be modified. */
  newestVisibleTo(sees: number): number[] {
    return (this.newestVisible[sees] ??= this.newestFirst().filter((slot) => this.visibility[slot]! <= sees));
  }

  toJSON(): AttributesJSON {
    const live = [...this.slotOf.values()];
    const pick = (column: number[]) => live.map((slot) => column[slot]!);
    return {
      ids: live.map((slot) => this.ids[slot]!),
      visibility: pick(this.visibility),
      maturity: pick(this.maturity),
      trl: pick(this.trl),
      ip: pick(this.ip),
      partnerships: pick(this.partnerships),
      country: pick(this.country),
      sectors: live.map((slot) => this.sectors[slot]!),
      publishedAt: pick(this.publishedAt),
      sectorNames: this.sectorNames.names,
      countryNames: this.countryNames.names,
    };
  }

  /** The snapshot's columns become the slots as they are: no per-document work on load. */
  static fromJSON(json: AttributesJSON): OfferAttributes {
    const attributes = new OfferAttributes(json.sectorNames, json.countryNames);
    Object.assign(attributes, {
      ids: json.ids,
      visibility: json.visibility,
      maturity: json.maturity,
      trl: json.trl,
      ip: json.ip,
      partnerships: json.partnerships,
      country: json.country,
      sectors: json.sectors,
      publishedAt: json.publishedAt,
    });
    json.ids.forEach((id, slot) => attributes.slotOf.set(id, slot));
    return attributes;
  }
}
