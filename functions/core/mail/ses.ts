import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../config.js';
import type { Message } from './index.js';
import { headerAddress } from './address.js';

let client: SESv2Client | undefined;

/**
 * In AWS: one SES v2 SendEmail through the official client, with the function role's credentials;
 * its standard retry strategy waits and tries again when SES throttles (up to five attempts).
 * Only the stream consumer loads this (core/mail's deliverMail).
 */
export async function sendWithSes(message: Message): Promise<void> {
  const { AWS_REGION, SES_ENDPOINT } = config();
  client ??= new SESv2Client({
    region: AWS_REGION,
    maxAttempts: 5,
    ...(SES_ENDPOINT ? { endpoint: SES_ENDPOINT } : {}),
  });
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: headerAddress(message.from),
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}
