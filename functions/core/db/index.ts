/** The db folder's public surface: what other folders, the API and the web may use. */

export { batchGet, memberFaces, memberNames } from './batch-get.js';
export { unappliedEntries } from './change-log.js';
export type { LogPosition } from './change-log.js';
export { bucketName, copySource, db, s3, tableName } from './client.js';
export { decodeCursor, encodeCursor } from './cursor.js';
export { placeholders, setAndRemove } from './expression.js';
export { entityTypeOf, type EntityType } from './entity-type.js';
export { keyParts, keys } from './keys.js';
export type { OwnedKind } from './keys.js';
export { picked } from './query.js';
export { createTableInput, tableDefinition } from './table.js';
export type { IndexName } from './table.js';
export { writeAllOrNothing } from './transact.js';
export type { TransactResult, Write } from './transact.js';
export { defineEntity, itemAbsent, itemExists, type Condition, type Stored, type UpdateSpec } from './entity.js';
export { commentRefs, comments, heldCommentIndexes } from './entities/comment.js';
export { flags, flagTargets } from './entities/flag.js';
export { follows, type Follow } from './entities/follow.js';
export { IDEA_STATE_INDEXES, ideas, ideaStateIndexes, searchLogEntries, type StoredIdea } from './entities/idea.js';
export {
  offerLogEntries,
  offers,
  partnerMemberships,
  partners,
  requests,
  savedSearches,
  threadMessages,
  threadQueueSort,
  threads,
  type PartnerMembership,
} from './entities/offer.js';
export { digestMarkers, notifications, unreadCounters } from './entities/notification.js';
export { deleteSessionsOf, sessions, sessionWithMember, tokens } from './entities/identity.js';
export { memberEmails, members, ownerCounts } from './entities/member.js';
export { auditEntries, rateWindows } from './entities/portal.js';
export {
  domains,
  everyTenantId,
  slugs,
  tenantDomains,
  tenants,
  type EdgeRecord,
  type TenantDomain,
} from './entities/tenant.js';
export { ownedByMember, ownedByPartner } from './entities/owned.js';
export { storageUses, uploads } from './entities/upload.js';
export {
  challengeFollows,
  challengeViews,
  followersOfChallenge,
  challenges,
  commentsOf,
  entries,
  entryComments,
  entryVersions,
  favouriteCaps,
  favourites,
  juryScores,
  ndaAcceptances,
  rewards,
  versionsOf,
  type EntrySort,
} from './entities/challenge.js';
export { votes, type Vote } from './entities/vote.js';
export { assignments, notes, scorecards, statusChanges, type StatusChange } from './entities/team.js';
export { dashboardViews, dayStats, dayWords, streamMarkers, totals, type DashboardView } from './entities/insights.js';
export { mails, type QueuedMail } from './entities/mail.js';
