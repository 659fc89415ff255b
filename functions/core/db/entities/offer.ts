import type { Offer, OfferDoc, Partner, SavedSearch, TechRequest, Thread, ThreadMessage } from '../../offer/index.js';
import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/*
 * Technology offers: partner organisations and their people, offers, the brand's requests,
 * the private inquiry threads and the readers' saved searches.
 */

const partner = defineEntity<Partner, [tenantId: string, partnerId: string]>({
  type: 'partner',
  key: keys.partner,
  indexes: (item, tenantId) => ({ listKey: keys.partnersList(tenantId), listSort: item.name.toLowerCase() }),
});
export const partners = {
  ...partner,
  /** A portal's partner organisations, by name. */
  ofPortal: (tenantId: string) => partner.query({ index: 'byList', key: keys.partnersList(tenantId) }, { limit: 200 }),
};

export interface PartnerMembership {
  partnerId: string;
  memberId: string;
  displayName: string;
  joinedAt: string;
}
const membership = defineEntity<PartnerMembership, [tenantId: string, partnerId: string, memberId: string]>({
  type: 'partnerMembership',
  key: keys.partnerMembership,
  // Also the member's own: the organisations a member belongs to come from the owner index.
  indexes: (item, tenantId) => ({
    ownerKey: keys.ownerKey(tenantId, item.memberId),
    ownerSort: keys.ownerSort('PARTNER', item.joinedAt, item.partnerId),
  }),
});
export const partnerMemberships = {
  ...membership,
  /** The people of an organisation. */
  ofPartner: (tenantId: string, partnerId: string) =>
    membership.queryAll({ pk: keys.partnerOwner(tenantId, partnerId), prefix: keys.partnerMemberPrefix }),
};

/** Index keys follow the state: its organisation's list always, the portal's list by visibility once published. */
const offer = defineEntity<Offer, [tenantId: string, offerId: string]>({
  type: 'offer',
  key: keys.offer,
  indexes: (offer, tenantId) => ({
    ownerKey: keys.partnerOwner(tenantId, offer.partnerId),
    ownerSort: keys.ownerSort('OFFER', offer.createdAt, offer.id),
    ...(offer.state === 'published'
      ? { listKey: keys.offersList(tenantId, offer.visibility), listSort: `${offer.publishedAt}#${offer.id}` }
      : {}),
  }),
});
export const offers = {
  ...offer,
  /** A portal's published offers of one visibility, newest last (the search's build from the table). */
  published: (tenantId: string, visibility: string) =>
    offer.queryAll({ index: 'byList', key: keys.offersList(tenantId, visibility) }),
};

/** An entry of the portal's offer log: the offer as the search holds it, or that it left the search (no doc). */
export const offerLogEntries = defineEntity<
  { offerId: string; doc?: OfferDoc; expiresAt: number },
  [tenantId: string, at: string, offerId: string, nonce: string]
>({ type: 'offerLogEntry', key: keys.offerLogEntry });

const request = defineEntity<TechRequest, [tenantId: string, requestId: string]>({
  type: 'request',
  key: keys.request,
  indexes: (item, tenantId) => ({ listKey: keys.requestsList(tenantId), listSort: `${item.createdAt}#${item.id}` }),
});
export const requests = {
  ...request,
  /** The brand's requests, newest first. */
  ofPortal: (tenantId: string) =>
    request.query({ index: 'byList', key: keys.requestsList(tenantId) }, { limit: 200, descending: true }),
};

/** The thread's place in the team's inbox: the latest message first. */
export const threadQueueSort = (at: string, id: string) => `${at}#${id}`;

/**
 * The private thread of an expressed interest, between the brand's team and the offer's
 * organisation; `teamPeople` are the team members who wrote in it.
 */
const thread = defineEntity<Thread & { teamPeople?: Set<string> }, [tenantId: string, threadId: string]>({
  type: 'thread',
  key: keys.thread,
  indexes: (item, tenantId) => ({
    ownerKey: keys.partnerOwner(tenantId, item.partnerId),
    ownerSort: keys.ownerSort('THREAD', item.createdAt, item.id),
    queueKey: keys.threadInbox(tenantId),
    queueSort: threadQueueSort(item.lastMessageAt, item.id),
  }),
});
export const threads = {
  ...thread,
  /** Every thread of the portal, latest activity first (the team's inbox). */
  inbox: (tenantId: string) =>
    thread.query({ index: 'byQueue', key: keys.threadInbox(tenantId) }, { limit: 100, descending: true }),
};

const threadMessage = defineEntity<
  ThreadMessage & { threadId: string; partnerId: string },
  [tenantId: string, threadId: string, at: string, messageId: string]
>({ type: 'threadMessage', key: keys.threadMessage });
export const threadMessages = {
  ...threadMessage,
  /** A thread's messages in the order they were written. */
  ofThread: (tenantId: string, threadId: string) =>
    threadMessage.query(
      { pk: keys.threadPartition(tenantId, threadId), prefix: keys.threadMessagePrefix },
      { consistent: true, limit: 500 },
    ),
};

const savedSearch = defineEntity<SavedSearch & { memberId: string }, [tenantId: string, memberId: string, id: string]>({
  type: 'savedSearch',
  key: keys.savedSearch,
  indexes: (item, tenantId) => ({
    listKey: keys.savedSearchesList(tenantId),
    listSort: `${item.createdAt}#${item.id}`,
  }),
});
export const savedSearches = {
  ...savedSearch,
  /** A member's saved searches. */
  ofMember: (tenantId: string, memberId: string) =>
    savedSearch.query({ pk: keys.ownerKey(tenantId, memberId), prefix: keys.savedSearchPrefix }),
  /** Every saved search of a portal (the alert on a newly published offer). */
  ofPortal: (tenantId: string) => savedSearch.queryAll({ index: 'byList', key: keys.savedSearchesList(tenantId) }),
};
