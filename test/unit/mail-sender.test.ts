import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { composeMessage } from '../../functions/core/mail/index.js';
import { headerAddress } from '../../functions/core/mail/address.js';
import { defaultSettings } from '../../functions/core/admin/defaults.js';
import type { Tenant } from '../../functions/core/tenant/index.js';

const tenant = (extra: Partial<Tenant> = {}): Tenant => ({
  ...defaultSettings('Brand "Ideas" <Lab>', 'en'),
  slug: 'brand',
  id: 'x',
  createdAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...extra,
});
const message = (t: Tenant) =>
  composeMessage(
    { tenant: t, actor: system },
    { to: 'a@b.test', lang: 'en', template: 'verify', link: 'https://brand.test/verify', params: { name: 'A' } },
  );

describe('the sender of a portal’s e-mails', () => {
  it('is the brand’s sender name when set, else the portal’s name, never able to break the header', () => {
    expect(message(tenant()).from).toBe('"Brand Ideas Lab" <no-reply@ideas.localhost>');
    expect(message(tenant({ senderName: 'The Ideas Team' })).from).toBe('"The Ideas Team" <no-reply@ideas.localhost>');
  });
});

describe('the sender as SES receives it', () => {
  it('encodes a display name with accents as an RFC 2047 word, and leaves an ASCII one as it is', () => {
    const from = message(tenant({ senderName: 'Café Lumière' })).from;
    expect(from).toBe('"Café Lumière" <no-reply@ideas.localhost>');
    const encoded = headerAddress(from);
    expect(encoded).toBe('=?UTF-8?B?Q2Fmw6kgTHVtacOocmU=?= <no-reply@ideas.localhost>');
    expect(Buffer.from(/\?B\?(.*)\?=/.exec(encoded)![1]!, 'base64').toString('utf8')).toBe('Café Lumière');
    expect(headerAddress('"The Ideas Team" <no-reply@x.test>')).toBe('"The Ideas Team" <no-reply@x.test>');
  });
});
