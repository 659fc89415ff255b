import { aggregateChanges, refreshDashboardViews } from './insights/index.js';
import { changeFromStreamRecord, handleChanges, type Change } from './notify/index.js';
import { offerChanges } from './offer/index.js';
import { removeAbandonedUploads } from './upload/index.js';

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
