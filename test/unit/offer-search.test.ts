import { describe, expect, it } from 'vitest';
import { OfferIndex, type OfferDoc, type OfferQuery } from '../../functions/core/offer/engine/index.js';
import { searchTerm as offerTerm, stem } from '../../functions/core/text/index.js';

type Seed = Pick<OfferDoc, 'id' | 'title' | 'summary'> & Partial<OfferDoc>;
const offer = (seed: Seed, day: number): OfferDoc => ({
  description: '',
  keywords: [],
  maturity: 'lab_prototype',
  trl: 4,
  sectors: ['energy'],
  ip: 'patented',
  partnerships: ['licensing'],
  country: 'FR',
  visibility: 'public',
  partnerId: 'p1',
  publishedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
  ...seed,
});

// Fifteen offers, French and English; publishedAt grows with the position (o15 is the newest).
const OFFERS: OfferDoc[] = [
  {
    id: 'o1',
    title: 'Stockage d’énergie par batteries sodium-ion',
    summary: 'Batteries sans lithium pour le stockage stationnaire.',
    keywords: ['batterie', 'sodium'],
    maturity: 'pilot_series',
    trl: 7,
    sectors: ['energy'],
    country: 'FR',
  },
  {
    id: 'o2',
    title: 'Solid-state battery cells for drones',
    summary: 'A lightweight battery with a ceramic electrolyte.',
    keywords: ['battery', 'electrolyte'],
    maturity: 'industrial_prototype',
    trl: 6,
    sectors: ['energy', 'aerospace'],
    country: 'DE',
    partnerships: ['co_development', 'investment'],
  },
  {
    id: 'o3',
    title: 'Électrolyseur compact pour hydrogène vert',
    summary: 'Production d’hydrogène sur site à partir d’énergie solaire.',
    keywords: ['hydrogène', 'électrolyse'],
    maturity: 'lab_prototype',
    trl: 4,
    sectors: ['energy'],
    country: 'FR',
    ip: 'patent_pending',
  },
  {
    id: 'o4',
    title: 'Recyclage des plastiques agricoles',
    summary: 'Une filière de recyclage des films de serre en granulés.',
    keywords: ['recyclage', 'plastique'],
    maturity: 'series_production',
    trl: 9,
    sectors: ['agriculture', 'materials'],
    country: 'FR',
    partnerships: ['distribution'],
    ip: 'know_how',
  },
  {
    id: 'o5',
    title: 'Water leak detection sensors',
    summary: 'Acoustic sensors that locate leaks in city water networks.',
    keywords: ['sensor', 'water'],
    maturity: 'pilot_series',
    trl: 8,
    sectors: ['water'],
    country: 'GB',
    partnerships: ['manufacturing', 'distribution'],
  },
  {
    id: 'o6',
    title: 'Capteurs de qualité de l’eau connectés',
    summary: 'Mesure en continu du chlore et de la turbidité.',
    keywords: ['capteur', 'eau'],
    maturity: 'industrial_prototype',
    trl: 6,
    sectors: ['water'],
    country: 'BE',
    ip: 'open',
  },
  {
    id: 'o7',
    title: 'Textile recycling by enzymes',
    summary: 'Enzymes break polyester down into reusable monomers.',
    keywords: ['recycling', 'textile'],
    maturity: 'concept',
    trl: 2,
    sectors: ['materials'],
    country: 'NL',
    partnerships: ['co_development'],
  },
  {
    id: 'o8',
    title: 'Béton bas carbone à base de laitier',
    summary: 'Un ciment qui émet 70 % de CO2 en moins.',
    keywords: ['béton', 'ciment'],
    maturity: 'series_production',
    trl: 9,
    sectors: ['construction'],
    country: 'FR',
    partnerships: ['licensing', 'manufacturing'],
  },
  {
    id: 'o9',
    title: 'Hydrogen fuel cell for forklifts',
    summary: 'A fuel cell pack that replaces lead batteries in warehouses.',
    keywords: ['hydrogen', 'fuel cell'],
    maturity: 'pilot_series',
    trl: 7,
    sectors: ['energy', 'logistics'],
    country: 'DE',
    visibility: 'partners',
  },
  {
    id: 'o10',
    title: 'Robot de désherbage autonome',
    summary: 'Un robot qui désherbe les rangs de légumes sans chimie.',
    keywords: ['robot', 'agriculture'],
    maturity: 'industrial_prototype',
    trl: 6,
    sectors: ['agriculture'],
    country: 'FR',
    partnerships: ['investment'],
  },
  {
    id: 'o11',
    title: 'Predictive maintenance for wind turbines',
    summary: 'Vibration analysis predicts gearbox failures weeks ahead.',
    keywords: ['wind', 'maintenance'],
    maturity: 'pilot_series',
    trl: 8,
    sectors: ['energy'],
    country: 'DK',
    ip: 'know_how',
  },
  {
    id: 'o12',
    title: 'Secret solid-state hydrogen storage',
    summary: 'Metal hydride tanks storing hydrogen at low pressure.',
    keywords: ['hydrogen', 'storage'],
    maturity: 'lab_prototype',
    trl: 3,
    sectors: ['energy', 'secret-sector'],
    country: 'CH',
    visibility: 'team',
  },
  {
    id: 'o13',
    title: 'Emballages compostables en fibre de lin',
    summary: 'Barquettes alimentaires moulées en fibre de lin.',
    keywords: ['emballage', 'compostable'],
    maturity: 'lab_prototype',
    trl: 5,
    sectors: ['packaging'],
    country: 'FR',
    visibility: 'partners',
    ip: 'open',
  },
  {
    id: 'o14',
    title: 'Récupération de chaleur fatale industrielle',
    summary: 'Des échangeurs qui valorisent l’énergie perdue des fours.',
    keywords: ['chaleur', 'énergie'],
    maturity: 'series_production',
    trl: 9,
    sectors: ['energy', 'industry'],
    country: 'FR',
    partnerships: ['distribution'],
  },
  {
    id: 'o15',
    title: 'Battery recycling by hydrometallurgy',
    summary: 'Recovering lithium and cobalt from spent batteries.',
    keywords: ['recycling', 'lithium'],
    maturity: 'industrial_prototype',
    trl: 6,
    sectors: ['materials', 'energy'],
    country: 'BE',
    visibility: 'team',
    partnerships: ['licensing', 'investment'],
  },
].map((seed, i) => offer(seed as Seed, i + 1));

const index = OfferIndex.empty();
index.addAll(OFFERS);
const ids = (query: OfferQuery) => index.search({ limit: 100, ...query }).hits.map((h) => h.id);
const top = (q: string, viewer: OfferQuery['viewer'] = 'team') => ids({ q, viewer })[0];
const visibleTo = {
  member: OFFERS.filter((o) => o.visibility === 'public'),
  partner: OFFERS.filter((o) => o.visibility !== 'team'),
  team: OFFERS,
};

describe('offer words', () => {
  it('folds accents and brings plurals and French/English forms to one stem', () => {
    expect(offerTerm('Énergies')).toBe(offerTerm('energy'));
    expect(['batteries', 'battery', 'batterie'].map(stem)).toEqual(['batter', 'batter', 'batter']);
    expect(['recyclage', 'recycling', 'recycled', 'recycler'].map(stem)).toEqual(Array(4).fill('recycl'));
    expect(['capteurs', 'capteur'].map(stem)).toEqual(['capt', 'capt']);
    expect(['industrielle', 'industriel'].map(stem)).toEqual(['industriel', 'industriel']);
    expect(stem('process')).toBe('process'); // "ss" is not a plural
    expect(offerTerm('les')).toBeNull();
    expect(offerTerm('the')).toBeNull();
  });
});

describe('offer search relevance', () => {
  it('finds the expected offer first in French and in English', () => {
    expect(top('batteries sodium')).toBe('o1');
    expect(top('désherbage')).toBe('o10');
    expect(top('wind turbines')).toBe('o11');
    expect(top('water leak')).toBe('o5');
    expect(top('béton carbone')).toBe('o8');
  });

  it('ignores accents: "energie" and "énergie" give the same hits', () => {
    expect(ids({ q: 'energie', viewer: 'team' })).toEqual(ids({ q: 'énergie', viewer: 'team' }));
    expect(ids({ q: 'electrolyseur', viewer: 'team' })[0]).toBe('o3');
    expect(ids({ q: 'beton', viewer: 'team' })[0]).toBe('o8');
  });

  it('matches plurals and stems across the two languages', () => {
    const battery = ids({ q: 'batteries', viewer: 'team' });
    expect(battery).toEqual(expect.arrayContaining(['o1', 'o2', 'o9', 'o15']));
    expect(ids({ q: 'recycling', viewer: 'team' })).toEqual(expect.arrayContaining(['o4', 'o7', 'o15']));
    expect(ids({ q: 'capteur', viewer: 'team' })).toContain('o6');
  });

  it('tolerates a typo and finishes the last word', () => {
    expect(ids({ q: 'hydrogne', viewer: 'team' }).sort()).toEqual(['o12', 'o3', 'o9']);
    expect(top('hydrogne', 'member')).toBe('o3');
    expect(top('recylage')).toBe('o4');
    expect(top('recylage plastiques')).toBe('o4');
    expect(top('predictive maint')).toBe('o11');
  });

  it('falls back to any word when no offer has them all', () => {
    expect(ids({ q: 'béton licorne', viewer: 'team' })).toEqual(['o8']);
  });
});

describe('offer visibility inside the search', () => {
  it('a member sees only public offers, a partner partners-only ones too, the team all', () => {
    for (const viewer of ['member', 'partner', 'team'] as const) {
      expect(ids({ viewer }).sort()).toEqual(visibleTo[viewer].map((o) => o.id).sort());
      expect(index.search({ viewer }).total).toBe(visibleTo[viewer].length);
    }
    expect(ids({ q: 'hydrogen', viewer: 'member' })).not.toContain('o9');
    expect(ids({ q: 'hydrogen', viewer: 'partner' })).toContain('o9');
    expect(ids({ q: 'hydrogen', viewer: 'partner' })).not.toContain('o12');
    expect(ids({ q: 'hydrogen', viewer: 'team' })).toContain('o12');
  });

  it('a team-only offer leaves no trace in a member’s facet counts', () => {
    const member = index.search({ q: 'secret hydride', viewer: 'member' });
    expect(member.total).toBe(0);
    expect(Object.values(member.facets.trl).every((n) => n === 0)).toBe(true);
    const all = index.search({ viewer: 'member' }).facets;
    expect(all.sector).not.toHaveProperty('secret-sector');
    expect(all.country).not.toHaveProperty('CH');
    expect(all.sector.energy).toBe(visibleTo.member.filter((o) => o.sectors.includes('energy')).length);
    expect(index.search({ viewer: 'team' }).facets.sector['secret-sector']).toBe(1);
    expect(index.search({ viewer: 'member', filters: { sector: 'secret-sector' } }).total).toBe(0);
  });
});

describe('offer filters and facets', () => {
  it('filters by TRL range and maturity', () => {
    const mid = ids({ viewer: 'team', filters: { trlMin: 5, trlMax: 7 } });
    expect(mid.sort()).toEqual(
      OFFERS.filter((o) => o.trl >= 5 && o.trl <= 7)
        .map((o) => o.id)
        .sort(),
    );
    const pilots = ids({ viewer: 'partner', filters: { maturity: 'pilot_series' } });
    expect(pilots.sort()).toEqual(['o1', 'o11', 'o5', 'o9']);
    expect(ids({ viewer: 'team', filters: { maturity: ['concept', 'lab_prototype'], country: 'fr' } }).sort()).toEqual([
      'o13',
      'o3',
    ]);
  });

  it('counts each single-valued facet to the total, and its selected values to the total when it is filtered', () => {
    const queries: OfferQuery[] = [
      { viewer: 'member' },
      { viewer: 'team', q: 'énergie' },
      { viewer: 'partner', filters: { sector: 'energy' } },
      { viewer: 'team', filters: { trlMin: 6, partnership: 'licensing' } },
      { viewer: 'team', q: 'recycling', filters: { maturity: 'industrial_prototype', country: 'BE' } },
    ];
    const sum = (r: Record<string, number>, keys = Object.keys(r)) => keys.reduce((s, k) => s + (r[k] ?? 0), 0);
    for (const query of queries) {
      const { total, facets, hits } = index.search({ limit: 100, ...query });
      expect(hits.length).toBe(total);
      const f = query.filters ?? {};
      expect(f.maturity ? sum(facets.maturity, [f.maturity as string]) : sum(facets.maturity)).toBe(total);
      expect(sum(facets.ip)).toBe(total);
      expect(f.country ? sum(facets.country, [f.country as string]) : sum(facets.country)).toBe(total);
      const trlRange = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].filter(
        (t) => Number(t) >= (f.trlMin ?? 1) && Number(t) <= (f.trlMax ?? 9),
      );
      expect(sum(facets.trl, trlRange)).toBe(total);
    }
  });

  it('counts the other values of a filtered facet as if that filter were off', () => {
    const { facets, total } = index.search({ viewer: 'team', filters: { maturity: 'concept' } });
    expect(total).toBe(1);
    expect(facets.maturity.pilot_series).toBe(4);
    expect(facets.sector).toEqual({ materials: 1 }); // other facets follow every filter
  });
});

describe('offer sort, pages and snapshots', () => {
  it('lists newest first without words, and sorts hits by date on request', () => {
    expect(ids({ viewer: 'member' })).toEqual(visibleTo.member.map((o) => o.id).reverse());
    const newest = ids({ q: 'recycling', viewer: 'team', sort: 'newest' });
    expect(newest).toEqual(['o15', 'o7', 'o4']);
  });

  it('pages with an offset', () => {
    const all = ids({ viewer: 'team' });
    const page2 = index.search({ viewer: 'team', cursor: 5, limit: 5 });
    expect(page2.hits.map((h) => h.id)).toEqual(all.slice(5, 10));
    expect(page2.total).toBe(15);
  });

  it('replaces and removes offers', () => {
    const copy = OfferIndex.load(JSON.stringify(index));
    copy.add({ ...OFFERS[0]!, visibility: 'team' });
    expect(copy.search({ q: 'sodium', viewer: 'member' }).total).toBe(0);
    copy.remove('o8');
    expect(copy.search({ q: 'béton', viewer: 'team' }).total).toBe(0);
    expect(copy.size).toBe(14);
    copy.add(offer({ id: 'o16', title: 'Béton imprimé en 3D', summary: 'Impression de murs.' }, 40));
    expect(copy.search({ q: 'béton', viewer: 'member' }).hits[0]?.id).toBe('o16');
    expect(index.search({ q: 'sodium', viewer: 'member' }).total).toBe(1); // the original is untouched
  });

  it('gives identical results after a snapshot round trip', () => {
    const loaded = OfferIndex.load(JSON.stringify(index.toJSON()));
    const queries: OfferQuery[] = [
      { viewer: 'member', q: 'énergie' },
      { viewer: 'partner', q: 'hydrogne', filters: { trlMin: 5 } },
      { viewer: 'team', q: 'recycling', sort: 'newest' },
      { viewer: 'team', filters: { sector: 'water' } },
      { viewer: 'member' },
    ];
    for (const query of queries) expect(loaded.search(query)).toEqual(index.search(query));
  });
});
