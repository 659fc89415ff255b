import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Message } from './index.js';

let client: SESv2Client | undefined;

/** In AWS: one SES v2 call a message, HTML and text parts. */
export async function sendWithSes(message: Message): Promise<void> {
  client ??= new SESv2Client({});
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: message.from,
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
