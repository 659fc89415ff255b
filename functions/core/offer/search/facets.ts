import type { OfferAttributes } from './attributes.js';
import { IP_STATUSES, MATURITIES, PARTNERSHIPS, TRLS, type OfferFacets, type OfferFilters } from './types.js';

/*
 * Facet counts follow the "all filters but the facet's own" rule (disjunctive facets): the
 * maturity counts apply the sector, TRL, ... filters but not the maturity one, so the user sees
 * how many offers each other maturity would give. Hence, for a facet with one value per offer
 * (maturity, TRL, IP status, country): with no filter on it its counts sum to `total`, and with
 * a filter on it the counts of the selected values sum to `total`. Only visible offers are ever
 * counted, and open-ended facets (sector, country) list only values with a count, so a name
 * used only by hidden offers never shows.
 */
const NONE = -1;

const list = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value as T];

/** Codes of the selected values; a value no offer has becomes an empty selection (nothing matches). */
const codes = (values: readonly string[] | undefined, find: (v: string) => number | undefined) =>
  values && new Set(values.map(find).filter((c): c is number => c !== undefined && c >= 0));

export interface CompiledFilters {
  maturity?: Set<number>;
  trlMin: number;
  trlMax: number;
  sector?: Set<number>;
  partnershipBits?: number;
  ip?: Set<number>;
  country?: Set<number>;
}

export function compileFilters(filters: OfferFilters, attributes: OfferAttributes): CompiledFilters {
  const partnerships = list(filters.partnership);
  return {
    maturity: codes(list(filters.maturity), (v) => MATURITIES.indexOf(v as never)),
    trlMin: filters.trlMin ?? 1,
    trlMax: filters.trlMax ?? 9,
    sector: codes(list(filters.sector), (v) => attributes.sectorNames.find(v)),
    partnershipBits: partnerships?.reduce((bits, p) => (PARTNERSHIPS.indexOf(p) < 0 ? bits : bits | (1 << PARTNERSHIPS.indexOf(p))), 0),
    ip: codes(list(filters.ip), (v) => IP_STATUSES.indexOf(v as never)),
    country: codes(list(filters.country), (v) => attributes.countryNames.find(v.toUpperCase())),
  };
}

/**
 * The one facet a slot fails (0 maturity, 1 TRL, 2 sector, 3 partnership, 4 IP, 5 country),
 * NONE if it passes them all, or TWO_OR_MORE (then it counts nowhere). No closures: this runs
 * once per candidate, up to the whole portal.
 */
const TWO_OR_MORE = -2;
function failedFacet(a: OfferAttributes, slot: number, f: CompiledFilters): number {
  let failed = NONE;
  let failures = 0;
  if (f.maturity && !f.maturity.has(a.maturity[slot]!)) (failed = 0), failures++;
  const trl = a.trl[slot]!;
  if (trl < f.trlMin || trl > f.trlMax) (failed = 1), failures++;
  if (f.sector && !hasAny(a.sectors[slot]!, f.sector)) (failed = 2), failures++;
  if (f.partnershipBits !== undefined && (a.partnerships[slot]! & f.partnershipBits) === 0) (failed = 3), failures++;
  if (f.ip && !f.ip.has(a.ip[slot]!)) (failed = 4), failures++;
  if (f.country && !f.country.has(a.country[slot]!)) (failed = 5), failures++;
  return failures > 1 ? TWO_OR_MORE : failed;
}

function hasAny(values: number[], wanted: Set<number>): boolean {
  for (const v of values) if (wanted.has(v)) return true;
  return false;
}

/**
 * One pass over the visible candidates (in their ranked order): returns the slots passing every
 * filter, in the same order, and the facet counts.
 */
export function filterAndCount(a: OfferAttributes, candidates: readonly number[], f: CompiledFilters) {
  const maturity = new Int32Array(MATURITIES.length);
  const trl = new Int32Array(10);
  const sector = new Int32Array(a.sectorNames.names.length);
  const partnership = new Int32Array(PARTNERSHIPS.length);
  const ip = new Int32Array(IP_STATUSES.length);
  const country = new Int32Array(a.countryNames.names.length);
  const passing: number[] = [];
  for (const slot of candidates) {
    const failed = failedFacet(a, slot, f);
    if (failed === TWO_OR_MORE) continue;
    if (failed === NONE) passing.push(slot);
    if (failed === NONE || failed === 0) maturity[a.maturity[slot]!]!++;
    if (failed === NONE || failed === 1) trl[a.trl[slot]!]!++;
    if (failed === NONE || failed === 2) for (const s of a.sectors[slot]!) sector[s]!++;
    if (failed === NONE || failed === 3) for (let bits = a.partnerships[slot]!, p = 0; bits; bits >>= 1, p++) if (bits & 1) partnership[p]!++;
    if (failed === NONE || failed === 4) ip[a.ip[slot]!]!++;
    if (failed === NONE || failed === 5) country[a.country[slot]!]!++;
  }
  const closed = (names: readonly string[], counts: Int32Array) => Object.fromEntries(names.map((n, i) => [n, counts[i]!]));
  const open = (names: readonly string[], counts: Int32Array) =>
    Object.fromEntries(names.flatMap((n, i) => (counts[i] ? [[n, counts[i]!] as const] : [])));
  const facets: OfferFacets = {
    maturity: closed(MATURITIES, maturity),
    trl: Object.fromEntries(TRLS.map((t) => [t, trl[Number(t)]!])) as OfferFacets['trl'],
    sector: open(a.sectorNames.names, sector),
    partnership: closed(PARTNERSHIPS, partnership),
    ip: closed(IP_STATUSES, ip),
    country: open(a.countryNames.names, country),
  };
  return { passing, facets };
}
