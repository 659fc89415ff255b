import { readOutbox } from '../../functions/local/outbox.js';

/** The newest message sent to an address, and the token of its link. */
export async function lastMessageTo(email: string) {
  const message = (await readOutbox()).find((m) => m.to === email);
  if (!message) throw new Error(`No message to ${email} in the outbox`);
  return { ...message, token: new URL(message.link).searchParams.get('token') ?? '' };
}
