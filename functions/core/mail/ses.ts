import { config } from '../config.js';
import type { Message } from './index.js';
import { signRequest } from '../aws/index.js';
import { headerAddress } from './address.js';

/** In AWS: one signed call to SES v2 SendEmail a message, with the function role's credentials. */
export async function sendWithSes(message: Message): Promise<void> {
  const region = config().AWS_REGION;
  const host = `email.${region}.amazonaws.com`;
  const path = '/v2/email/outbound-emails';
  const body = JSON.stringify({
    FromEmailAddress: headerAddress(message.from),
    Destination: { ToAddresses: [message.to] },
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
      },
    },
  });
  const { AWS_ACCESS_KEY_ID = '', AWS_SECRET_ACCESS_KEY = '', AWS_SESSION_TOKEN } = process.env;
  const headers = signRequest({
    method: 'POST',
    host,
    path,
    body,
    region,
    service: 'ses',
    credentials: {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS_SESSION_TOKEN,
    },
    headers: { 'content-type': 'application/json' },
  });
  const res = await fetch(`https://${host}${path}`, { method: 'POST', headers, body });
  if (!res.ok) throw new Error(`SES SendEmail failed: ${res.status} ${await res.text()}`);
}
