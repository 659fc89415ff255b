import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { composeMessage } from '../../functions/core/mail/index.js';
import { sendWithSes } from '../../functions/core/mail/ses.js';
import { startFakeSes, type FakeSes } from '../support/fake-ses.js';
import { makeTenant } from '../support/tenants.js';

/** The fake SES throttles the first call, as SES does past its sending rate, then accepts. */
let ses: FakeSes;

beforeAll(async () => {
  ses = await startFakeSes((_, index) =>
    index === 0
      ? { status: 429, type: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' }
      : 'accept',
  );
  // Read lazily by config(): this file's modules see them from their first call.
  process.env.SES_ENDPOINT = ses.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
});
afterAll(() => ses.close());

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
    expect(ses.calls).toHaveLength(2);
    const [, accepted] = ses.calls;
    expect(accepted!.path).toBe('/v2/email/outbound-emails');
    expect(accepted!.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/ses\/aws4_request/);
    expect(accepted!.body).toMatchObject({
      FromEmailAddress: `=?UTF-8?B?${Buffer.from('Café Lumière').toString('base64')}?= <no-reply@ideas.localhost>`,
      Destination: { ToAddresses: ['lea@example.test'] },
      Content: { Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' } } },
    });
  });
});
