import type { Ctx } from '../context.js';
import { batchGet, keys } from '../db/index.js';
import { markdownToText } from '../idea/index.js';
import { requireOfferTeam } from './access.js';
import { freshOfferIndex } from './index-store.js';
import { offerOf, type Offer } from './offer-item.js';
import { getRequest, type TechRequest } from './requests.js';
import { cardOf, partnerLogos, type OfferCard } from './search.js';
import { SPLIT } from './engine/text-index.js';
import { searchTerm } from '../text/index.js';

/** Why an offer matched a request: what a team member reads before deciding to write to the partner. */
export interface MatchReasons {
  /** The request's words the offer also uses. */
  words: string[];
  sectors: string[];
  maturity: boolean;
  trl: boolean;
  partnerships: string[];
  /** The partner posted it in answer to this request. */
  answers: boolean;
}

export interface OfferMatch {
  offer: OfferCard;
  /** 0 to 100. */
  score: number;
  why: MatchReasons;
}

/** How much each kind of agreement weighs; words count most, then sectors. */
const WEIGHTS = { words: 40, sectors: 20, maturity: 12, trl: 10, partnerships: 8, answers: 10 };
const CANDIDATES = 100;
const SHOWN = 20;

/** Each distinct term of a text with the first word that produced it (what the reader recognises). */
function termsOf(text: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const word of text.split(SPLIT)) {
    const term = searchTerm(word);
    if (term && !terms.has(term)) terms.set(term, word.toLowerCase());
  }
  return terms;
}

/**
 * Offers ranked by how well they answer a technology request: the request's words (as the
 * search ranks them, any word counting), shared sectors, the wanted maturity and TRL range,
 * partnership types, and whether the partner answered this very request. Candidates are the
 * best word matches and the newest offers of the request's sectors; the team sees every offer.
 */
export async function requestMatches(
  ctx: Ctx,
  requestId: string,
): Promise<{ request: TechRequest; items: OfferMatch[] }> {
  requireOfferTeam(ctx);
  const request = await getRequest(ctx, requestId);
  const index = await freshOfferIndex(ctx.tenant.id);
  const text = `${request.title}\n${request.need}`.slice(0, 2000);
  const byWords = index.search({ q: text, anyWord: true, viewer: 'team', limit: CANDIDATES });
  const bySector = request.sectors.length
    ? index.search({ viewer: 'team', filters: { sector: request.sectors }, limit: CANDIDATES }).hits
    : [];
  const wordScore = new Map(byWords.hits.map((h) => [h.id, h.score]));
  const best = Math.max(0, ...wordScore.values());
  const ids = [...new Set([...wordScore.keys(), ...bySector.map((h) => h.id)])];
  const offers = (await batchGet(ids.map((id) => keys.offer(ctx.tenant.id, id))))
    .map(offerOf)
    .filter((o) => o.state === 'published');

  const wanted = termsOf(text);
  const items = offers.map((offer) =>
    scoreOffer(request, offer, wanted, best ? (wordScore.get(offer.id) ?? 0) / best : 0),
  );
  items.sort((a, b) => b.score - a.score || a.offer.title.localeCompare(b.offer.title));
  const shown = items.filter((m) => m.score > 0).slice(0, SHOWN);
  const logos = await partnerLogos(
    ctx.tenant.id,
    shown.map((m) => m.offer.partnerId),
  );
  for (const m of shown) if (logos.has(m.offer.partnerId)) m.offer.partnerLogo = logos.get(m.offer.partnerId);
  return { request, items: shown };
}

function scoreOffer(request: TechRequest, offer: Offer, wanted: Map<string, string>, wordShare: number): OfferMatch {
  const has = termsOf(
    [offer.title, offer.summary, offer.keywords.join(' '), markdownToText(offer.description)].join('\n'),
  );
  const why: MatchReasons = {
    words: [...wanted]
      .filter(([term]) => has.has(term))
      .map(([, word]) => word)
      .slice(0, 8),
    sectors: offer.sectors.filter((s) => request.sectors.includes(s)),
    maturity: request.maturities.length > 0 && !!offer.maturity && request.maturities.includes(offer.maturity),
    trl: offer.trl !== undefined && offer.trl >= request.trlMin && offer.trl <= request.trlMax,
    partnerships: offer.partnerships.filter((p) => request.partnerships.includes(p)),
    answers: offer.requestId === request.id,
  };
  const share = (n: number, of: number) => (of ? Math.min(1, n / of) : 0);
  const score =
    WEIGHTS.words * wordShare +
    WEIGHTS.sectors * share(why.sectors.length, request.sectors.length) +
    WEIGHTS.maturity * Number(why.maturity) +
    WEIGHTS.trl * Number(why.trl) +
    WEIGHTS.partnerships * share(why.partnerships.length, request.partnerships.length) +
    WEIGHTS.answers * Number(why.answers);
  return { offer: cardOf(offer), score: Math.round(score), why };
}
