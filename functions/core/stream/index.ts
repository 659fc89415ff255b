import type { EntityType } from '../db/index.js';
import { entityTypeOf } from '../db/index.js';
import { aggregateChanges, refreshDashboardViews } from '../insights/index.js';
import { deliverMail } from '../mail/index.js';
import { handleChanges } from '../notify/index.js';
import { offerChanges } from '../offer/index.js';
import { removeAbandonedUploads } from '../upload/index.js';
import { challengeChanges } from '../challenge/index.js';
import { membersFaces, thumbnailReadyImages } from '../image/index.js';
import { restampBylines } from '../member/index.js';
import type { Change } from './change.js';

export { changeFromStreamRecord, type Change } from './change.js';

/** Something the table's stream drives: the entity types it reads, and what it does with their changes. */
export interface Consumer {
  name: string;
  entities: readonly EntityType[];
  run(changes: Change[]): Promise<void>;
}

/** What lives in an idea's partition: any change there may move the dashboard. */
const IDEA_PARTITION: EntityType[] = [
  'idea',
  'vote',
  'comment',
  'follow',
  'statusChange',
  'note',
  'scorecard',
  'assignment',
];

/**
 * Every consumer of the table's stream, in the order they run on a batch. To add one, list the
 * entity types it reads: it receives only their changes, never a key to parse.
 */
export const TABLE_CONSUMERS: readonly Consumer[] = [
  { name: 'notifications', entities: ['comment', 'idea'], run: handleChanges },
  { name: 'dashboard aggregates', entities: ['idea', 'vote', 'comment'], run: (changes) => aggregateChanges(changes) },
  { name: 'kept dashboard views', entities: IDEA_PARTITION, run: (changes) => refreshDashboardViews(changes) },
  { name: 'challenge notices', entities: ['challenge', 'entry'], run: challengeChanges },
  { name: 'technology offers', entities: ['offer', 'threadMessage'], run: offerChanges },
  { name: 'abandoned uploads', entities: ['upload'], run: removeAbandonedUploads },
  { name: 'image thumbnails', entities: ['upload'], run: thumbnailReadyImages },
  { name: 'member faces', entities: ['member'], run: membersFaces },
  { name: 'bylines', entities: ['member'], run: restampBylines },
  // Last: the e-mails the consumers above queued in this batch come in a later one.
  { name: 'e-mail', entities: ['mail'], run: deliverMail },
];

/**
 * Hands a batch of the stream to each consumer, restricted to the entities it reads: the stream
 * function in AWS and the local poller both call it. A consumer's failure fails the batch, which
 * the stream delivers again; each consumer counts a change once by its event id.
 */
export async function onTableChanges(
  changes: Change[],
  consumers: readonly Consumer[] = TABLE_CONSUMERS,
): Promise<void> {
  const typed = changes.map((change) => ({ change, entity: entityTypeOf(change.newImage ?? change.oldImage) }));
  for (const consumer of consumers) {
    const mine = typed.filter(({ entity }) => entity && consumer.entities.includes(entity)).map(({ change }) => change);
    if (mine.length) await consumer.run(mine);
  }
}
