import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { composeMessage } from '../../functions/core/mail/index.js';
import { sendWithSes } from '../../functions/core/mail/ses.js';
import { makeTenant } from '../support/tenants.js';

/** A stand-in for the SES v2 API: throttles the first call, as SES does past its sending rate, then accepts. */
const received: { path: string; auth: string; body: Record<string, unknown> }[] = [];
const ses = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    received.push({ path: req.url ?? '', auth: String(req.headers.authorization ?? ''), body: JSON.parse(body) });
    if (received.length === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' });
      return void res.end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ MessageId: 'fake-message-id' }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
  // Read lazily by config(): this file's modules see them from their first call.
  process.env.SES_ENDPOINT = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
});
afterAll(() => new Promise<void>((resolve) => ses.close(() => resolve())));

describe('e-mail through the SES v2 client', () => {
  it('signs the call, encodes an accented sender name, and tries again when SES throttles', async () => {
    const tenant = await makeTenant({ name: { fr: 'Café Lumière' }, languages: ['fr'], defaultLang: 'fr' });
    const message = composeMessage(
      { tenant, actor: system },
      {
        to: 'lea@example.test',
        lang: 'fr',
        template: 'verify',
        link: 'https://x.test/verify?token=t',
        params: { name: 'Léa' },
      },
    );
    await sendWithSes(message);
    expect(received).toHaveLength(2);
    const [, accepted] = received;
    expect(accepted!.path).toBe('/v2/email/outbound-emails');
    expect(accepted!.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/ses\/aws4_request/);
    expect(accepted!.body).toMatchObject({
      FromEmailAddress: `=?UTF-8?B?${Buffer.from('Café Lumière').toString('base64')}?= <no-reply@ideas.localhost>`,
      Destination: { ToAddresses: ['lea@example.test'] },
      Content: { Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' } } },
    });
  });
});
