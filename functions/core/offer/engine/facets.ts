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

function anySelected(codes: readonly number[], selected: Uint8Array): boolean {
  for (let i = 0; i < codes.length; i++) if (selected[codes[i]!]) return true;
  return false;
}

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
    partnershipBits: partnerships?.reduce(
      (bits, p) => (PARTNERSHIPS.indexOf(p) < 0 ? bits : bits | (1 << PARTNERSHIPS.indexOf(p))),
      0,
    ),
    ip: codes(list(filters.ip), (v) => IP_STATUSES.indexOf(v as never)),
    country: codes(list(filters.country), (v) => attributes.countryNames.find(v.toUpperCase())),
  };
}

/** A selection as a lookup table by code (1 = selected): cheaper than Set.has in the loop below. */
function table(selected: Set<number> | undefined, size: number): Uint8Array | undefined {
  if (!selected) return undefined;
  const t = new Uint8Array(Math.max(size, 1));
  for (const code of selected) if (code < size) t[code] = 1;
  return t;
}

/**
 * One pass over the visible candidates: returns the slots passing every filter, in the same
 * order, and the facet counts. Each slot fails at most one facet to still count (in that facet
 * only): `failed` is the facet (0 maturity, 1 TRL, 2 sector, 3 partnership, 4 IP, 5 country), or
 * NONE. Columns and tables are locals and the loop has no closures: it runs up to 50,000 times
 * per search.
 */
export function filterAndCount(a: OfferAttributes, candidates: readonly number[], f: CompiledFilters) {
  const maturity = new Int32Array(MATURITIES.length);
  const trl = new Int32Array(10);
  const sector = new Int32Array(a.sectorNames.names.length);
  const partnership = new Int32Array(PARTNERSHIPS.length);
  const ip = new Int32Array(IP_STATUSES.length);
  const country = new Int32Array(a.countryNames.names.length);
  const passing: number[] = [];
  const maturityCol = a.maturity,
    trlCol = a.trl,
    sectorCol = a.sectors,
    partnershipCol = a.partnerships,
    ipCol = a.ip,
    countryCol = a.country;
  const wantMaturity = table(f.maturity, MATURITIES.length);
  const wantSector = table(f.sector, sector.length);
  const wantIp = table(f.ip, IP_STATUSES.length);
  const wantCountry = table(f.country, country.length);
  const { trlMin, trlMax } = f;
  const bits = f.partnershipBits;
  for (let i = 0; i < candidates.length; i++) {
    const slot = candidates[i]!;
    const m = maturityCol[slot]!,
      t = trlCol[slot]!,
      sectors = sectorCol[slot]!,
      p = partnershipCol[slot]!,
      ipCode = ipCol[slot]!,
      c = countryCol[slot]!;
    let failed = NONE;
    let failures = 0;
    if (wantMaturity && !wantMaturity[m]) {
      failed = 0;
      failures++;
    }
    if (t < trlMin || t > trlMax) {
      failed = 1;
      failures++;
    }
    if (wantSector && !anySelected(sectors, wantSector)) {
      failed = 2;
      failures++;
    }
    if (bits !== undefined && (p & bits) === 0) {
      failed = 3;
      failures++;
    }
    if (wantIp && !wantIp[ipCode]) {
      failed = 4;
      failures++;
    }
    if (wantCountry && !wantCountry[c]) {
      failed = 5;
      failures++;
    }
    if (failures > 1) continue;
    if (failed === NONE) passing.push(slot);
    if (failed === NONE || failed === 0) maturity[m]!++;
    if (failed === NONE || failed === 1) trl[t]!++;
    if (failed === NONE || failed === 2) for (let j = 0; j < sectors.length; j++) sector[sectors[j]!]!++;
    if (failed === NONE || failed === 3)
      for (let rest = p, bit = 0; rest; rest >>= 1, bit++) if (rest & 1) partnership[bit]!++;
    if (failed === NONE || failed === 4) ip[ipCode]!++;
    if (failed === NONE || failed === 5) country[c]!++;
  }
  const closed = (names: readonly string[], counts: Int32Array) =>
    Object.fromEntries(names.map((n, i) => [n, counts[i]!]));
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
