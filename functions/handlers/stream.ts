import { syncEdgeDomains } from '../core/admin/index.js';
import { changeFromStreamRecord, onTableChanges } from '../core/stream.js';

type StreamEvent = { Records: Parameters<typeof changeFromStreamRecord>[0][] };

/** The table's stream in AWS: what core/stream.ts drives, and the edge's custom domains. */
export async function handler(event: StreamEvent): Promise<void> {
  const changes = event.Records.map(changeFromStreamRecord);
  await onTableChanges(changes);
  await syncEdgeDomains(changes);
}
