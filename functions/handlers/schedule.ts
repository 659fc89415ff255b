import { sendAllDigests } from '../core/notify/index.js';
import { saveAllSearchSnapshots } from '../core/idea/index.js';

/** Scheduled jobs in AWS (EventBridge rules): the weekly digest, and hourly search snapshots. */
export async function handler(event: { job?: 'digest' | 'search-snapshots' }): Promise<Record<string, number>> {
  if (event.job === 'search-snapshots') return { saved: await saveAllSearchSnapshots() };
  return { sent: await sendAllDigests() };
}
