import { sendAllDigests } from '../core/notify/digest.js';

/** Scheduled jobs in AWS (an EventBridge rule): the weekly digest of every portal. */
export async function handler(): Promise<{ sent: number }> {
  return { sent: await sendAllDigests() };
}
