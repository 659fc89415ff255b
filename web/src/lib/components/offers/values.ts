/** What the offer form shows in its fields. */
export type OfferValues = {
  title: string;
  summary: string;
  description: string;
  maturity: string;
  trl: string;
  sectors: string[];
  keywords: string;
  ip: string;
  partnerships: string[];
  country: string;
  visibility: string;
  requestId: string;
  offerId: string;
  attachments: { id: string; filename: string }[];
};

/** The offer form's values from an offer, or from what a refused form sent (lists joined by commas). */
type OfferLike = {
  id?: string;
  title: string;
  summary: string;
  description: string;
  maturity?: string;
  trl?: number;
  sectors: string[];
  keywords: string[];
  ip?: string;
  partnerships: string[];
  country?: string;
  visibility: string;
  requestId?: string;
  attachments: { id: string; filename: string }[];
};

export function valuesOfOffer(offer: OfferLike): OfferValues {
  return {
    ...offer,
    maturity: offer.maturity ?? '',
    trl: offer.trl ? String(offer.trl) : '',
    keywords: offer.keywords.join(', '),
    ip: offer.ip ?? '',
    country: offer.country ?? '',
    requestId: offer.requestId ?? '',
    offerId: '',
  };
}

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

export function valuesOfForm(sent: Record<string, string>): OfferValues {
  let attachments: OfferValues['attachments'];
  try {
    attachments = JSON.parse(sent.attachments ?? '[]');
  } catch {
    attachments = [];
  }
  return {
    title: sent.title ?? '',
    summary: sent.summary ?? '',
    description: sent.description ?? '',
    maturity: sent.maturity ?? '',
    trl: sent.trl ?? '',
    sectors: list(sent.sectors),
    keywords: sent.keywords ?? '',
    ip: sent.ip ?? '',
    partnerships: list(sent.partnerships),
    country: sent.country ?? '',
    visibility: sent.visibility ?? 'public',
    requestId: sent.requestId ?? '',
    offerId: sent.offerId ?? '',
    attachments,
  };
}
