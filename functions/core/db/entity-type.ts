/**
 * What kind of item a stored item is, by the name of its key builder in keys.ts (`idea`, `vote`,
 * `comment`, ...). Items carry it in their `type` attribute once written by the entity layer;
 * items written before are told by the shape of their keys, read here and nowhere else.
 */
export type EntityType =
  | 'tenant'
  | 'slug'
  | 'domain'
  | 'tenantDomain'
  | 'audit'
  | 'owners'
  | 'totals'
  | 'dashboardView'
  | 'member'
  | 'memberEmail'
  | 'session'
  | 'token'
  | 'rateWindow'
  | 'digestMarker'
  | 'notification'
  | 'unreadCounter'
  | 'savedSearch'
  | 'idea'
  | 'vote'
  | 'comment'
  | 'follow'
  | 'statusChange'
  | 'note'
  | 'scorecard'
  | 'assignment'
  | 'commentRef'
  | 'flag'
  | 'flagTarget'
  | 'dayStats'
  | 'dayWords'
  | 'streamMarker'
  | 'mail'
  | 'searchLogEntry'
  | 'offerLogEntry'
  | 'partner'
  | 'partnerMembership'
  | 'offer'
  | 'request'
  | 'thread'
  | 'threadMessage'
  | 'upload'
  | 'storageUse'
  | 'challenge'
  | 'entry'
  | 'entryVersion'
  | 'favourite'
  | 'favouriteCap'
  | 'juryScore'
  | 'reward'
  | 'challengeViews'
  | 'ndaAcceptance'
  | 'entryComment'
  | 'challengeFollow';

/** Partition shapes after `T#<tenant>`: the kind of partition and, for some, the sort key alone decides. */
const BY_SORT_KEY: Record<string, EntityType> = {
  TENANT: 'tenant',
  OWNERS: 'owners',
  TOTALS: 'totals',
  DASHBOARD_VIEW: 'dashboardView',
  IDEA: 'idea',
  ASSIGNEE: 'assignment',
  MEMBER: 'member',
  UNREAD: 'unreadCounter',
  EMAIL: 'memberEmail',
  SESSION: 'session',
  TOKEN: 'token',
  CREF: 'commentRef',
  TARGET: 'flagTarget',
  PARTNER: 'partner',
  OFFER: 'offer',
  REQUEST: 'request',
  THREAD: 'thread',
  UPLOAD: 'upload',
  EVENT: 'streamMarker',
  MAIL: 'mail',
  SLUG: 'slug',
  DOMAIN: 'domain',
};
/** Sort-key prefixes inside a partition, per partition kind (the segment after the tenant). */
const BY_PREFIX: Record<string, [string, EntityType][]> = {
  I: [
    ['V#', 'vote'],
    ['C#', 'comment'],
    ['F#', 'follow'],
    ['S#', 'statusChange'],
    ['NOTE#', 'note'],
    ['SC#', 'scorecard'],
  ],
  M: [
    ['N#', 'notification'],
    ['DIGEST#', 'digestMarker'],
    ['SAVED#', 'savedSearch'],
  ],
  TH: [['MSG#', 'threadMessage']],
  P: [['M#', 'partnerMembership']],
  FLAG: [['M#', 'flag']],
  '': [['DOMAIN#', 'tenantDomain']],
};
const BY_PARTITION: Record<string, EntityType> = {
  AUDIT: 'audit',
  DAYS: 'dayStats',
  WORDS: 'dayWords',
  SEARCH: 'searchLogEntry',
  OFFER_LOG: 'offerLogEntry',
  RL: 'rateWindow',
};

export function entityTypeOf(item: { pk?: unknown; sk?: unknown; type?: unknown } | undefined): EntityType | undefined {
  if (!item) return undefined;
  if (typeof item.type === 'string') return item.type as EntityType;
  const pk = String(item.pk ?? '');
  const sk = String(item.sk ?? '');
  const byKey = BY_SORT_KEY[sk];
  if (byKey) return byKey;
  // T#<tenant>#<KIND>#... : the partition's kind is the segment after the tenant.
  const kind = /^T#[0-9a-z]+(?:#([A-Z_]+))?/.exec(pk)?.[1] ?? (pk.startsWith('T#') ? '' : undefined);
  if (kind === undefined) return undefined;
  const prefixed = BY_PREFIX[kind]?.find(([prefix]) => sk.startsWith(prefix));
  return prefixed?.[1] ?? BY_PARTITION[kind];
}
