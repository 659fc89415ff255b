/** The closed lists an offer is described with; their order is the order facets are listed in. */
export const MATURITIES = [
  'concept',
  'lab_prototype',
  'industrial_prototype',
  'pilot_series',
  'series_production',
] as const;
export const IP_STATUSES = ['patented', 'patent_pending', 'know_how', 'open'] as const;
export const PARTNERSHIPS = ['licensing', 'co_development', 'manufacturing', 'distribution', 'investment'] as const;
export const VISIBILITIES = ['public', 'partners', 'team'] as const;
export const TRLS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export type Maturity = (typeof MATURITIES)[number];
export type IpStatus = (typeof IP_STATUSES)[number];
export type Partnership = (typeof PARTNERSHIPS)[number];
export type Visibility = (typeof VISIBILITIES)[number];
export type Trl = (typeof TRLS)[number];

/** What the search needs of one published offer; description is plain text (Markdown already stripped). */
export interface OfferDoc {
  id: string;
  title: string;
  summary: string;
  description: string;
  keywords: string[];
  maturity: Maturity;
  trl: number;
  sectors: string[];
  ip: IpStatus;
  partnerships: Partnership[];
  /** ISO 3166 alpha-2. */
  country: string;
  visibility: Visibility;
  partnerId: string;
  /** ISO date. */
  publishedAt: string;
}

/** Who searches: a member sees public offers, a partner also partners-only ones, the team all. */
export type Viewer = 'member' | 'partner' | 'team';

/** The highest visibility each viewer may see, as an index into VISIBILITIES: the one statement of that rule. */
export const SEES: Record<Viewer, number> = {
  member: VISIBILITIES.indexOf('public'),
  partner: VISIBILITIES.indexOf('partners'),
  team: VISIBILITIES.indexOf('team'),
};

export const sees = (viewer: Viewer, visibility: Visibility) => VISIBILITIES.indexOf(visibility) <= SEES[viewer];

/** One value or several (OR within a facet, AND across facets). */
type OneOrMore<T> = T | readonly T[];

export interface OfferFilters {
  maturity?: OneOrMore<Maturity>;
  trlMin?: number;
  trlMax?: number;
  sector?: OneOrMore<string>;
  partnership?: OneOrMore<Partnership>;
  ip?: OneOrMore<IpStatus>;
  country?: OneOrMore<string>;
}

export interface OfferQuery {
  q?: string;
  filters?: OfferFilters;
  viewer: Viewer;
  /** Any of the words will do, not all (matching a request's text against offers). */
  anyWord?: boolean;
  /** Relevance needs words; without words the list is newest first whatever is asked. */
  sort?: 'relevance' | 'newest';
  /** Offset into the hits; the API signs it into an opaque cursor. */
  cursor?: number;
  limit?: number;
}

export interface OfferFacets {
  maturity: Record<string, number>;
  trl: Record<Trl, number>;
  sector: Record<string, number>;
  partnership: Record<string, number>;
  ip: Record<string, number>;
  country: Record<string, number>;
}

export interface OfferSearchResult {
  hits: { id: string; score: number }[];
  total: number;
  facets: OfferFacets;
}
