import { changeFromStreamRecord, handleChanges } from '../core/notify/fanout.js';

type StreamEvent = { Records: Parameters<typeof changeFromStreamRecord>[0][] };

/** The table's stream in AWS: notification fan-out, off the request path. */
export async function handler(event: StreamEvent): Promise<void> {
  await handleChanges(event.Records.map(changeFromStreamRecord));
}
