import { syncEdgeDomains } from '../core/admin/edge-sync.js';
import { aggregateChanges } from '../core/insights/aggregate.js';
import { changeFromStreamRecord, handleChanges } from '../core/notify/fanout.js';

type StreamEvent = { Records: Parameters<typeof changeFromStreamRecord>[0][] };

/** The table's stream in AWS: notification fan-out, dashboard aggregates and the edge's custom domains, off the request path. */
export async function handler(event: StreamEvent): Promise<void> {
  const changes = event.Records.map(changeFromStreamRecord);
  await handleChanges(changes);
  await aggregateChanges(changes);
  await syncEdgeDomains(changes);
}
