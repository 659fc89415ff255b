/**
 * Every DynamoDB and S3 key of the product is written here and nowhere else. Tenant-owned
 * partition keys start with `T#<tenantId>#` (so IAM dynamodb:LeadingKeys can enforce
 * isolation); the only platform-level items are the host lookups and the public portal list.
 */
const t = (tenantId: string) => `T#${tenantId}`;

export type OwnedKind =
  'IDEA' | 'VOTE' | 'COMMENT' | 'FOLLOW' | 'SESSION' | 'NOTIF' | 'NOTIF#0' | 'PARTNER' | 'OFFER' | 'THREAD' | 'ENTRY';

export const keys = {
  tenant: (tenantId: string) => ({ pk: t(tenantId), sk: 'TENANT' }),
  slug: (slug: string) => ({ pk: `SLUG#${slug}`, sk: 'SLUG' }),
  domain: (host: string) => ({ pk: `DOMAIN#${host}`, sk: 'DOMAIN' }),
  publicPortals: () => 'PLATFORM#PUBLIC_PORTALS',
  /** A custom domain the portal has added, verified or not; only verified ones get the global `domain` item. */
  tenantDomain: (tenantId: string, host: string) => ({ pk: t(tenantId), sk: `DOMAIN#${host}` }),
  tenantDomainPrefix: 'DOMAIN#',
  tenantPartition: (tenantId: string) => t(tenantId),
  /** The portal's audit log, newest last by time. */
  audit: (tenantId: string, at: string, id: string) => ({ pk: `${t(tenantId)}#AUDIT`, sk: `${at}#${id}` }),
  auditPartition: (tenantId: string) => `${t(tenantId)}#AUDIT`,

  member: (tenantId: string, memberId: string) => ({ pk: `${t(tenantId)}#M#${memberId}`, sk: 'MEMBER' }),
  memberEmail: (tenantId: string, email: string) => ({ pk: `${t(tenantId)}#E#${email}`, sk: 'EMAIL' }),
  ownerKey: (tenantId: string, memberId: string) => `${t(tenantId)}#M#${memberId}`,

  /** Sessions and one-time tokens are stored under the SHA-256 of the secret, never the secret. */
  session: (tenantId: string, tokenHash: string) => ({ pk: `${t(tenantId)}#SESSION#${tokenHash}`, sk: 'SESSION' }),
  token: (tenantId: string, tokenHash: string) => ({ pk: `${t(tenantId)}#TOKEN#${tokenHash}`, sk: 'TOKEN' }),
  /** A portal's pending invitations (invitation tokens, oldest first), for its owners and admins to revoke. */
  invitationsList: (tenantId: string) => `${t(tenantId)}#INVITATIONS`,
  rateWindow: (tenantId: string, scope: string, subject: string, windowStart: number) => ({
    pk: `${t(tenantId)}#RL#${scope}#${subject}`,
    sk: String(windowStart),
  }),
  /** The number of owners of a portal, kept exact so the last owner can never be removed. */
  owners: (tenantId: string) => ({ pk: t(tenantId), sk: 'OWNERS' }),
  /** Every portal of the platform, for platform jobs (the weekly digest): the platform "owns" the tenant items. */
  allTenants: () => 'PLATFORM#TENANTS',
  digestMarker: (tenantId: string, memberId: string, week: string) => ({
    pk: `${t(tenantId)}#M#${memberId}`,
    sk: `DIGEST#${week}`,
  }),
  membersList: (tenantId: string) => `${t(tenantId)}#MEMBERS`,

  idea: (tenantId: string, ideaId: string) => ({ pk: `${t(tenantId)}#I#${ideaId}`, sk: 'IDEA' }),
  ideaPartition: (tenantId: string, ideaId: string) => `${t(tenantId)}#I#${ideaId}`,
  sectionKey: (tenantId: string, sectionId: string) => `${t(tenantId)}#S#${sectionId}`,
  ideasByStatus: (tenantId: string, status: string) => `${t(tenantId)}#STATUS#${status}`,

  /** Comments sort by creation time inside the idea's partition. */
  comment: (tenantId: string, ideaId: string, createdAt: string, commentId: string) => ({
    pk: `${t(tenantId)}#I#${ideaId}`,
    sk: `C#${createdAt}#${commentId}`,
  }),
  commentPrefix: 'C#',
  vote: (tenantId: string, ideaId: string, memberId: string) => ({
    pk: `${t(tenantId)}#I#${ideaId}`,
    sk: `V#${memberId}`,
  }),
  votePrefix: 'V#',
  follow: (tenantId: string, ideaId: string, memberId: string) => ({
    pk: `${t(tenantId)}#I#${ideaId}`,
    sk: `F#${memberId}`,
  }),
  followPrefix: 'F#',
  /** A comment's stable address: replies, edits and flags point to it without knowing its time key. */
  commentRef: (tenantId: string, commentId: string) => ({ pk: `${t(tenantId)}#CREF#${commentId}`, sk: 'CREF' }),
  flag: (tenantId: string, targetId: string, memberId: string) => ({
    pk: `${t(tenantId)}#FLAG#${targetId}`,
    sk: `M#${memberId}`,
  }),
  flagTarget: (tenantId: string, targetId: string) => ({ pk: `${t(tenantId)}#FLAG#${targetId}`, sk: 'TARGET' }),
  searchSnapshot: (tenantId: string) => `tenants/${tenantId}/search/index.json`,
  /** Work queues: held posts, flagged items, and finished uploads not attached yet (by age, to expire them). */
  queue: (tenantId: string, name: 'MODERATION' | 'FLAGGED' | 'UNATTACHED') => `${t(tenantId)}#Q#${name}`,
  notification: (tenantId: string, memberId: string, at: string, id: string) => ({
    pk: `${t(tenantId)}#M#${memberId}`,
    sk: `N#${at}#${id}`,
  }),
  notificationSort: (read: boolean, at: string, id: string) => `NOTIF#${read ? 1 : 0}#${at}#${id}`,
  unreadCounter: (tenantId: string, memberId: string) => ({ pk: `${t(tenantId)}#M#${memberId}`, sk: 'UNREAD' }),

  /** Team workspace: an idea's status history, internal notes, scorecards and assignment live in its partition. */
  statusChange: (tenantId: string, ideaId: string, at: string) => ({ pk: `${t(tenantId)}#I#${ideaId}`, sk: `S#${at}` }),
  statusChangePrefix: 'S#',
  note: (tenantId: string, ideaId: string, at: string, noteId: string) => ({
    pk: `${t(tenantId)}#I#${ideaId}`,
    sk: `NOTE#${at}#${noteId}`,
  }),
  notePrefix: 'NOTE#',
  scorecard: (tenantId: string, ideaId: string, memberId: string) => ({
    pk: `${t(tenantId)}#I#${ideaId}`,
    sk: `SC#${memberId}`,
  }),
  scorecardPrefix: 'SC#',
  assignment: (tenantId: string, ideaId: string) => ({ pk: `${t(tenantId)}#I#${ideaId}`, sk: 'ASSIGNEE' }),
  assignedQueue: (tenantId: string, memberId: string) => `${t(tenantId)}#Q#ASSIGNED#${memberId}`,

  /** Dashboard aggregates kept by the stream consumer: one item per portal and day, ranged by date. */
  dayStats: (tenantId: string, day: string) => ({ pk: `${t(tenantId)}#DAYS`, sk: day }),
  dayStatsPartition: (tenantId: string) => `${t(tenantId)}#DAYS`,
  /** Word and phrase counts of what was written that day (rising themes). */
  dayWords: (tenantId: string, day: string) => ({ pk: `${t(tenantId)}#WORDS`, sk: day }),
  dayWordsPartition: (tenantId: string) => `${t(tenantId)}#WORDS`,
  /** Running totals by status, section and category, moved by the stream consumer. */
  totals: (tenantId: string) => ({ pk: t(tenantId), sk: 'TOTALS' }),
  /** The dashboard of the default period, kept by the stream consumer for portals too busy to compute it on each load. */
  dashboardView: (tenantId: string) => ({ pk: t(tenantId), sk: 'DASHBOARD_VIEW' }),
  /** One marker per stream event already counted, so a redelivered event counts once (TTL cleans up). */
  streamMarker: (tenantId: string, eventId: string) => ({ pk: `${t(tenantId)}#EVENT#${eventId}`, sk: 'EVENT' }),
  /** An e-mail waiting for the stream consumer to send it, and the platform-wide queue of them. */
  mail: (tenantId: string, mailId: string) => ({ pk: `${t(tenantId)}#MAIL#${mailId}`, sk: 'MAIL' }),
  mailQueue: () => 'PLATFORM#MAIL_QUEUE',
  /** Custom domains whose state at the edge is still moving (certificate pending, deploying): a job reads them again. */
  edgeWatch: () => 'PLATFORM#EDGE_WATCH',

  /** Owner-index sort keys: a member's ideas, votes and comments, newest last. */
  ownerSort: (kind: OwnedKind, at: string, id: string) => `${kind}#${at}#${id}`,

  /** The portal's search change log: one entry per idea text or visibility change, in time order. */
  searchLog: (tenantId: string) => `${t(tenantId)}#SEARCH`,
  searchLogEntry: (tenantId: string, at: string, ideaId: string, nonce: string) => ({
    pk: `${t(tenantId)}#SEARCH`,
    sk: `${at}#${ideaId}#${nonce}`,
  }),

  /** Technology offers: partner organisations with their members, offers, requests, inquiry threads, saved searches. */
  partner: (tenantId: string, partnerId: string) => ({ pk: `${t(tenantId)}#P#${partnerId}`, sk: 'PARTNER' }),
  partnerOwner: (tenantId: string, partnerId: string) => `${t(tenantId)}#P#${partnerId}`,
  partnersList: (tenantId: string) => `${t(tenantId)}#PARTNERS`,
  partnerMembership: (tenantId: string, partnerId: string, memberId: string) => ({
    pk: `${t(tenantId)}#P#${partnerId}`,
    sk: `M#${memberId}`,
  }),
  partnerMemberPrefix: 'M#',
  offer: (tenantId: string, offerId: string) => ({ pk: `${t(tenantId)}#O#${offerId}`, sk: 'OFFER' }),
  offersList: (tenantId: string, visibility: string) => `${t(tenantId)}#OFFERS#${visibility}`,
  request: (tenantId: string, requestId: string) => ({ pk: `${t(tenantId)}#R#${requestId}`, sk: 'REQUEST' }),
  requestsList: (tenantId: string) => `${t(tenantId)}#REQUESTS`,
  /** One inquiry thread per offer (between the brand's team and the offer's organisation): it shares the offer's id. */
  thread: (tenantId: string, threadId: string) => ({ pk: `${t(tenantId)}#TH#${threadId}`, sk: 'THREAD' }),
  threadPartition: (tenantId: string, threadId: string) => `${t(tenantId)}#TH#${threadId}`,
  threadMessage: (tenantId: string, threadId: string, at: string, messageId: string) => ({
    pk: `${t(tenantId)}#TH#${threadId}`,
    sk: `MSG#${at}#${messageId}`,
  }),
  threadMessagePrefix: 'MSG#',
  threadInbox: (tenantId: string) => `${t(tenantId)}#Q#INBOX`,
  savedSearch: (tenantId: string, memberId: string, searchId: string) => ({
    pk: `${t(tenantId)}#M#${memberId}`,
    sk: `SAVED#${searchId}`,
  }),
  savedSearchPrefix: 'SAVED#',
  /** Every saved search of a portal, for the alert on a newly published offer. */
  savedSearchesList: (tenantId: string) => `${t(tenantId)}#SAVED_SEARCHES`,
  /** The offer search change log (as the ideas' one) and the index snapshot in S3. */
  offerLog: (tenantId: string) => `${t(tenantId)}#OFFER_LOG`,
  offerLogEntry: (tenantId: string, at: string, offerId: string, nonce: string) => ({
    pk: `${t(tenantId)}#OFFER_LOG`,
    sk: `${at}#${offerId}#${nonce}`,
  }),
  offerSnapshot: (tenantId: string) => `tenants/${tenantId}/offers/index.json`,

  /**
   * Challenges: each in its own partition with everything that hangs on it (entries, their
   * versions, favourites, jury scores, rewards). Entries are listed through the section indexes
   * under their challenge's entries key: newest (bySectionNew), most favoured (bySectionTop),
   * best scored (bySectionTrend). Challenges of a portal are on the list index; those with a phase
   * change to come are on the platform's phase clock, by the time it is due.
   */
  challenge: (tenantId: string, challengeId: string) => ({ pk: `${t(tenantId)}#CH#${challengeId}`, sk: 'CHALLENGE' }),
  challengesList: (tenantId: string) => `${t(tenantId)}#CHALLENGES`,
  phaseClock: () => 'PLATFORM#PHASE_CLOCK',
  challengeEntries: (tenantId: string, challengeId: string) => `${t(tenantId)}#CH#${challengeId}#ENTRIES`,
  entry: (tenantId: string, challengeId: string, entryId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `E#${entryId}`,
  }),
  /** Every version an entrant sent, in order (n zero-padded so the sort key sorts them). */
  entryVersion: (tenantId: string, challengeId: string, entryId: string, n: number) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `V#${entryId}#${String(n).padStart(4, '0')}`,
  }),
  entryVersionPrefix: (entryId: string) => `V#${entryId}#`,
  /** One favourite per member per entry; one counter per member per challenge for the brand's cap. */
  favourite: (tenantId: string, challengeId: string, entryId: string, memberId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `F#${entryId}#${memberId}`,
  }),
  favouriteCap: (tenantId: string, challengeId: string, memberId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `FCAP#${memberId}`,
  }),
  favouritePrefix: (memberId: string) => `FCAP#${memberId}`,
  /** A member following a challenge (told of its phase changes). */
  challengeFollow: (tenantId: string, challengeId: string, memberId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `FOLLOW#${memberId}`,
  }),
  challengeFollowPrefix: 'FOLLOW#',
  /** Comments on an entry, oldest first by time. */
  entryComment: (tenantId: string, challengeId: string, entryId: string, at: string, commentId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `C#${entryId}#${at}#${commentId}`,
  }),
  entryCommentPrefix: (entryId: string) => `C#${entryId}#`,
  /** One score per juror per entry. */
  juryScore: (tenantId: string, challengeId: string, entryId: string, jurorId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `S#${entryId}#${jurorId}`,
  }),
  reward: (tenantId: string, challengeId: string, rank: number) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `REWARD#${String(rank).padStart(2, '0')}`,
  }),
  rewardPrefix: 'REWARD#',
  /** How many times the challenge's page was opened (its funnel's first step). */
  challengeViews: (tenantId: string, challengeId: string) => ({ pk: `${t(tenantId)}#CH#${challengeId}`, sk: 'VIEWS' }),
  /** A member's acceptance of the challenge's NDA, before its confidential brief. */
  ndaAcceptance: (tenantId: string, challengeId: string, memberId: string) => ({
    pk: `${t(tenantId)}#CH#${challengeId}`,
    sk: `NDA#${memberId}`,
  }),

  /** S3: everything a tenant uploads lives under its own prefix. */
  brandAsset: (tenantId: string, name: string) => `tenants/${tenantId}/brand/${name}`,
  brandPrefix: (tenantId: string) => `tenants/${tenantId}/brand/`,
  /** A member's face: public like the brand's images (shown beside their name to every reader), one name per version. */
  face: (tenantId: string, memberId: string, uploadId: string) =>
    `tenants/${tenantId}/brand/face-${memberId}-${uploadId}`,

  /**
   * Uploads: the pending or ready record in DynamoDB; in S3, the object the browser posts
   * (under incoming/, which the bucket forgets after a day) and, once checked, the copy that is
   * served (under the tenant, where no upload form can write).
   */
  upload: (tenantId: string, uploadId: string) => ({ pk: `${t(tenantId)}#UP#${uploadId}`, sk: 'UPLOAD' }),
  /** Bytes stored, per member and for the whole portal (`owner` = a member id, or PORTAL). */
  storageUse: (tenantId: string, owner: string) => ({ pk: `${t(tenantId)}#STORAGE`, sk: owner }),
  incomingUpload: (tenantId: string, memberId: string, uploadId: string) =>
    `incoming/${tenantId}/${memberId}/${uploadId}`,
  uploadObject: (tenantId: string, memberId: string, uploadId: string) =>
    `tenants/${tenantId}/uploads/${memberId}/${uploadId}`,
  /** An uploaded image's smaller copy for lists, beside the served object and read through the same checks. */
  uploadThumbnail: (tenantId: string, memberId: string, uploadId: string) =>
    `tenants/${tenantId}/uploads/${memberId}/${uploadId}-card`,
  /** Exports (CSV, a member's data) wait here for their download link; the bucket forgets them after a day. */
  exportObject: (tenantId: string, exportId: string, filename: string) => `exports/${tenantId}/${exportId}/${filename}`,
};

/** Reading keys back (stream records, index entries): the inverse of `keys`, kept beside it. */
export const keyParts = {
  /** The tenant of any tenant-owned partition key. */
  tenantOf: (pk: string) => /^T#([0-9a-z]+)(?:#|$)/.exec(pk)?.[1],
  /** Tenant and idea of an idea partition (the idea and its votes, comments, follows...). */
  ideaPartition: (pk: string) => {
    const match = /^T#([0-9a-z]+)#I#([0-9a-z]+)$/.exec(pk);
    return match ? { tenantId: match[1]!, ideaId: match[2]! } : undefined;
  },
  /** The host of a platform-level custom-domain claim. */
  domainHost: (pk: string) => /^DOMAIN#(.+)$/.exec(pk)?.[1],
  /** Whether a stored item is a technology offer (stream records). */
  isOffer: (item: { pk?: unknown; sk?: unknown }) => /#O#[0-9a-z]+$/.test(String(item.pk)) && item.sk === 'OFFER',
  /** Tenant and upload of a stored upload record (stream records), undefined for any other item. */
  upload: (item: { pk?: unknown; sk?: unknown }) => {
    const match = /^T#([0-9a-z]+)#UP#([0-9a-z]+)$/.exec(String(item.pk));
    return match && item.sk === 'UPLOAD' ? { tenantId: match[1]!, uploadId: match[2]! } : undefined;
  },
  /** The hash a one-time token is stored under, from its partition key. */
  tokenHash: (pk: string) => /^T#[0-9a-z]+#TOKEN#([A-Za-z0-9_-]+)$/.exec(pk)?.[1],
  /** The member of a vote item, from its sort key (older vote items may lack the attribute). */
  voter: (sk: string) => (sk.startsWith('V#') ? sk.slice(2) : undefined),
  /** Tenant and challenge of a challenge item (stream records, the phase clock). */
  challenge: (pk: string) => {
    const match = /^T#([0-9a-z]+)#CH#([0-9a-z]+)$/.exec(pk);
    return match ? { tenantId: match[1]!, challengeId: match[2]! } : undefined;
  },
  /** The comment id of a comment reference. */
  commentRefId: (pk: string) => /#CREF#([0-9a-z]+)$/.exec(pk)?.[1],
};
