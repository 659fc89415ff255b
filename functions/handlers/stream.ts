import { syncEdgeDomains } from '../core/admin/index.js';
import { changeFromStreamRecord, onTableChanges, TABLE_CONSUMERS, type Consumer } from '../core/stream/index.js';

type StreamEvent = { Records: Parameters<typeof changeFromStreamRecord>[0][] };

/** In AWS only: verified custom domains are attached to the edge (locally there is no edge). */
const EDGE_DOMAINS: Consumer = { name: 'edge custom domains', entities: ['domain'], run: syncEdgeDomains };

/** The table's stream in AWS: every consumer of core/stream, then the edge's custom domains. */
export async function handler(event: StreamEvent): Promise<void> {
  await onTableChanges(event.Records.map(changeFromStreamRecord), [...TABLE_CONSUMERS, EDGE_DOMAINS]);
}
