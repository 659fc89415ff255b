import { mails } from '../../functions/core/db/index.js';
import { readOutbox } from '../../functions/local/outbox.js';
import { eventually } from './wait.js';

/**
 * Waits until the stream consumer has sent every queued e-mail into the local outbox (requests
 * only queue them, as in AWS).
 */
export async function mailSent(): Promise<void> {
  // Up to 30 s: the queue is every test file's, and a loaded machine drains it slowly.
  await eventually(async () => !(await mails.anyWaiting()), 30_000);
}

/**
 * The newest message sent to an address (from one portal's host when named: test files run side by
 * side and share the outbox, and every test portal has its `owner@example.test`), and the token of its link.
 */
export async function lastMessageTo(email: string, fromHost?: string) {
  await mailSent();
  const message = (await readOutbox()).find(
    (m) => m.to === email && (!fromHost || m.link.startsWith(`http://${fromHost}/`)),
  );
  if (!message) throw new Error(`No message to ${email} in the outbox`);
  return { ...message, token: new URL(message.link).searchParams.get('token') ?? '' };
}
