/**
 * Technology offer search in memory: build, heap, snapshot size and load, and search latency with
 * facets, for 1,000 and 50,000 synthetic offers. Needs no DynamoDB; run alone with
 * `node --expose-gc --import tsx test/bench/offer-search.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  IP_STATUSES,
  MATURITIES,
  OfferIndex,
  PARTNERSHIPS,
  VISIBILITIES,
  type OfferDoc,
  type OfferQuery,
  type Viewer,
} from '../../functions/core/offer/engine/index.js';

type Recorder = (what: string, value: string, target?: string) => void;

/** mulberry32: the same offers and queries on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FR = (
  'stockage énergie batterie hydrogène électrolyseur recyclage plastique capteur eau qualité réseau béton ciment carbone ' +
  'chaleur récupération four échangeur robot désherbage agriculture légumes emballage compostable fibre lin textile ' +
  'procédé industriel prototype pilote série fabrication usine matériau composite revêtement surface traitement ' +
  'solaire photovoltaïque éolien turbine maintenance prédictive vibration moteur électrique véhicule mobilité ' +
  'logistique entrepôt chariot pile combustible brevet licence partenaire développement laboratoire essai mesure ' +
  'précision optique laser imprimante impression métal aluminium acier cuivre lithium sodium cobalt membrane filtre ' +
  'dépollution biomasse méthanisation biogaz santé dispositif médical diagnostic capteurs intelligence artificielle ' +
  'données logiciel plateforme automatisation contrôle qualité inspection vision caméra sécurité bâtiment isolation'
).split(' ');
const EN = (
  'storage energy battery hydrogen electrolyser recycling plastic sensor water quality network concrete cement carbon ' +
  'heat recovery furnace exchanger robot weeding agriculture vegetables packaging compostable fibre flax textile ' +
  'process industrial prototype pilot series manufacturing plant material composite coating surface treatment ' +
  'solar photovoltaic wind turbine maintenance predictive vibration motor electric vehicle mobility logistics ' +
  'warehouse forklift fuel cell patent licence partner development laboratory test measurement precision optical ' +
  'laser printer printing metal aluminium steel copper lithium sodium cobalt membrane filter remediation biomass ' +
  'digestion biogas health device medical diagnostic sensors artificial intelligence data software platform ' +
  'automation control inspection vision camera safety building insulation'
).split(' ');
const GLUE_FR = 'le la les des une pour avec sans sur dans et qui par du de'.split(' ');
const GLUE_EN = 'the a an for with without on in and that by of to from'.split(' ');
const SECTORS = [
  'energy',
  'water',
  'materials',
  'agriculture',
  'construction',
  'health',
  'mobility',
  'packaging',
  'industry',
  'digital',
  'aerospace',
  'logistics',
];
const COUNTRIES = ['FR', 'BE', 'CH', 'DE', 'NL', 'GB', 'IT', 'ES', 'DK', 'SE', 'CA', 'US'];
const SYLLABLES = 'ka lo mi nu ra te vo zi pa re sto fla gen tri bor xel quin dra mor vex'.split(' ');

export function generator(seed: number) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // A Zipf-like skew: the first words of each list come up far more often than the last.
  const skewed = <T>(xs: readonly T[]) => xs[Math.floor(xs.length * rnd() ** 2)]!;
  // The long tail of real text (product names, rare terms): made-up words from syllables.
  const tail = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  // An offer is about one theme (ten neighbouring words of the list), with some words from the
  // whole list and the rare tail: so a topical word is in a few percent of the offers, as in a
  // real catalogue, while the commonest words are in a large share of them.
  const themeOf = (words: string[], theme: number) => words.slice(theme * 10, theme * 10 + 10);
  const sentence = (words: string[], theme: string[], glue: string[], n: number) =>
    Array.from({ length: n }, () => {
      const r = rnd();
      return r < 0.3 ? pick(glue) : r < 0.75 ? pick(theme) : r < 0.92 ? skewed(words) : skewed(tail);
    }).join(' ');
  const themes = Math.floor(Math.min(FR.length, EN.length) / 10);
  const some = <T>(xs: readonly T[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs))),
  ];
  const start = Date.UTC(2024, 0, 1);

  const offer = (i: number): OfferDoc => {
    const french = rnd() < 0.5;
    const [words, glue] = french ? [FR, GLUE_FR] : [EN, GLUE_EN];
    const theme = themeOf(words, Math.floor(rnd() * themes));
    const trl = 1 + Math.floor(rnd() * 9);
    return {
      id: `offer${String(i).padStart(7, '0')}`,
      title: sentence(words, theme, glue, 5 + Math.floor(rnd() * 5)),
      summary: sentence(words, theme, glue, 15 + Math.floor(rnd() * 15)),
      description: sentence(words, theme, glue, 80 + Math.floor(rnd() * 120)),
      keywords: some(theme, 5),
      maturity: MATURITIES[Math.min(4, Math.floor((trl - 1) / 2))]!,
      trl,
      sectors: some(SECTORS, 3),
      ip: pick(IP_STATUSES),
      partnerships: some(PARTNERSHIPS, 3),
      country: skewed(COUNTRIES),
      visibility: rnd() < 0.7 ? 'public' : pick(VISIBILITIES),
      partnerId: `partner${Math.floor(rnd() * 500)}`,
      publishedAt: new Date(start + Math.floor(rnd() * 900 * 86_400_000)).toISOString(),
    };
  };

  const typo = (word: string) => {
    const at = 1 + Math.floor(rnd() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const query = (): OfferQuery => {
    const list = pick([FR, EN]);
    // Mostly words of one theme, as someone looking for a technology types them; sometimes any word.
    const theme = rnd() < 0.8 ? themeOf(list, Math.floor(rnd() * themes)) : list;
    const words = theme.filter((w) => w.length >= 5).length ? theme.filter((w) => w.length >= 5) : theme;
    const kind = Math.floor(rnd() * 6);
    const q = [
      '',
      pick(words),
      `${pick(words)} ${pick(words)}`,
      typo(pick(words)),
      pick(words).slice(0, 4),
      `${pick(words)} ${pick(words).slice(0, 5)}`,
    ][kind]!;
    const filters: OfferQuery['filters'] = {};
    if (rnd() < 0.4) filters.sector = pick(SECTORS);
    if (rnd() < 0.3) filters.trlMin = 1 + Math.floor(rnd() * 6);
    if (rnd() < 0.2) filters.maturity = pick(MATURITIES);
    if (rnd() < 0.2) filters.partnership = pick(PARTNERSHIPS);
    if (rnd() < 0.15) filters.country = pick(COUNTRIES);
    const viewer: Viewer = pick(['member', 'member', 'partner', 'team']);
    return { q, filters, viewer, sort: rnd() < 0.2 ? 'newest' : 'relevance', cursor: rnd() < 0.2 ? 20 : 0, limit: 20 };
  };
  return { offer, query };
}

const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('Run with node --expose-gc');
  collect();
  collect();
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const timed = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const value = fn();
  return [value, performance.now() - t];
};

async function measure(record: Recorder, count: number) {
  const atTarget = count === 50_000;
  const label = `offer search, ${count.toLocaleString('en')} offers`;
  const { offer, query } = generator(count);
  const docs = Array.from({ length: count }, (_, i) => offer(i));

  gc();
  // Typed arrays live outside the JS heap (arrayBuffers): counted too, or a typed-array index looks free.
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = used();
  const [index, buildMs] = timed(() => {
    const built = OfferIndex.empty();
    built.addAll(docs);
    return built;
  });
  gc();
  const heap = used() - heapBefore;
  record(`${label}: build`, ms(buildMs));
  record(`${label}: heap used by the index (with typed arrays)`, mb(heap), atTarget ? '≤ 200 MB' : '');

  const snapshot = JSON.stringify(index);
  record(`${label}: snapshot size (JSON)`, mb(Buffer.byteLength(snapshot)));
  const loads = Array.from({ length: 3 }, () => timed(() => OfferIndex.load(snapshot))[1]);
  record(
    `${label}: snapshot load, JSON text to searchable (median of 3)`,
    ms(percentile(loads, 0.5)),
    atTarget ? '≤ 500 ms' : '',
  );

  const queries = Array.from({ length: 300 }, query);
  for (const q of queries.slice(0, 50)) index.search(q); // warm the JIT
  const latencies: number[] = [];
  let hits = 0;
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const [result, took] = timed(() => index.search(q));
      latencies.push(took);
      hits += result.total;
    }
  }
  record(
    `${label}: search with facets p50 / p99 (300 queries × 3)`,
    `${ms(percentile(latencies, 0.5))} / ${ms(percentile(latencies, 0.99))}`,
    atTarget ? 'p99 ≤ 20 ms' : '',
  );
  record(`${label}: mean hits per query`, (hits / latencies.length).toFixed(0));
}

/** The rows `npm run bench` records for offer search. */
export async function offerSearchLoad(record: Recorder) {
  await measure(record, 1_000);
  await measure(record, 50_000);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await offerSearchLoad((what, value, target = '') => console.log(`${what.padEnd(72)} ${value.padEnd(20)} ${target}`));
}
