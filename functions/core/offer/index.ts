/** Technology offers: partners, offers, search, requests with matches, saved searches, inquiry threads. */
export { partnerIdsOf, viewerOf } from './access.js';
export { dropOfferIndexes, freshOfferIndex } from './index-store.js';
export type { OfferDoc } from './engine/index.js';
export { requestMatches, type MatchReasons, type OfferMatch } from './matches.js';
export {
  createOffer,
  getOffer,
  listMyOffers,
  publishOffer,
  updateOffer,
  withdrawOffer,
  type OfferView,
} from './offers.js';
export type { Offer, OfferState } from './offer-item.js';
export {
  addToPartnerAsSystem,
  createPartner,
  getPartner,
  invitePartnerMember,
  listPartnerMembers,
  listPartners,
  removePartnerMember,
  updatePartner,
  type Partner,
} from './partners.js';
export { createRequest, getRequest, listRequests, type TechRequest } from './requests.js';
export { deleteSavedSearch, listSavedSearches, saveSearch, type SavedSearch } from './saved.js';
export { CLEARABLE_OFFER_FIELDS, MATURITY_TRL, THREAD_STATES, type ThreadState } from './schema.js';
export { searchOffers, type OfferCard, type OfferSearchInput, type OfferSearchPage } from './search.js';
export { IP_STATUSES, MATURITIES, PARTNERSHIPS, VISIBILITIES } from './engine/types.js';
export {
  expressInterest,
  getThread,
  listThreads,
  postMessage,
  setThreadState,
  type Thread,
  type ThreadMessage,
} from './threads.js';
export * from './browser.js';

export type { IpStatus, Maturity, Partnership, Visibility } from './engine/types.js';
export { offerDatasheetLink, partnerLogoLink, threadAttachmentLink } from './files.js';
export type { RequestInput } from './schema.js';
export { offerChanges } from './stream.js';
