import type { client } from './http.js';
import { lastMessageTo } from './outbox.js';

type Client = ReturnType<typeof client>;

/**
 * Signs up as a person does: the form, then the link e-mailed to the address (the account is made
 * only there). Answers the confirmation's response; the client carries the new session.
 */
export async function signUpByMail(web: Client, person: { email: string; password: string; displayName: string }) {
  const asked = await web.post('/api/auth/signup', person);
  if (asked.status !== 202) throw new Error(`Sign-up answered ${asked.status}: ${JSON.stringify(asked.json)}`);
  const { token } = await lastMessageTo(person.email.toLowerCase(), web.host);
  return web.post('/api/auth/signup/confirm', { token });
}
