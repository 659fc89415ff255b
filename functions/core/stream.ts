import { aggregateChanges } from './insights/aggregate.js';
import { refreshDashboardViews } from './insights/view.js';
import { changeFromStreamRecord, handleChanges, type Change } from './notify/fanout.js';
import { offerChanges } from './offer/stream.js';
import { removeAbandonedUploads } from './upload/abandoned.js';

export { changeFromStreamRecord, type Change };

/**
 * Everything the table's stream drives, in one place: the stream function in AWS and the local
 * poller both call it. (The edge's custom domains are synced in AWS only.)
 */
export async function onTableChanges(changes: Change[]): Promise<void> {
  await handleChanges(changes);
  await aggregateChanges(changes);
  await refreshDashboardViews(changes);
  await offerChanges(changes);
  await removeAbandonedUploads(changes);
}
