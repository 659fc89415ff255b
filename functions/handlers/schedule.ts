import { refreshEdgeDomains } from '../core/admin/index.js';
import { advancePhases } from '../core/challenge/index.js';
import { saveAllSearchSnapshots } from '../core/idea/index.js';
import { sendAllDigests } from '../core/notify/index.js';
import { expireAllUnattachedUploads } from '../core/upload/index.js';

/** The jobs, by the name each EventBridge rule puts in its event (infra/stack.ts). */
const JOBS = {
  /** Weekly: every portal's digest. */
  digest: async () => ({ sent: await sendAllDigests() }),
  /** Hourly: search snapshots, so cold instances do not rebuild an index from its whole log. */
  'search-snapshots': async () => ({ saved: await saveAllSearchSnapshots() }),
  /** Every five minutes: the custom domains whose state at the edge is still moving. */
  'edge-domains': async () => ({ checked: await refreshEdgeDomains() }),
  /** Hourly: finished uploads never attached to anything, a day after they were finished. */
  'unattached-uploads': async () => ({ expired: await expireAllUnattachedUploads() }),
  /** Every minute: challenges whose phase changed, announced once each (core/challenge/clock.ts). */
  'challenge-phases': async () => ({ announced: await advancePhases() }),
} satisfies Record<string, () => Promise<Record<string, number>>>;

export type JobName = keyof typeof JOBS;

/** Scheduled jobs in AWS (EventBridge rules). An event naming no known job runs nothing. */
export async function handler(event: { job?: string }): Promise<Record<string, number>> {
  const job = JOBS[event.job as JobName];
  if (!job) throw new Error(`Unknown job: ${JSON.stringify(event.job)}`);
  return job();
}
