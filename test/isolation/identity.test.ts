import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createMemberWithPassword } from '../support/members.js';
import { lastMessageTo } from '../support/outbox.js';
import { signUpByMail } from '../support/signup.js';
import { client } from '../support/http.js';
import { hostOf, makeTenant } from '../support/tenants.js';

const PASSWORD = 'a long enough secret phrase';

/** Accounts belong to one portal: the same e-mail, sessions and tokens mean nothing on another. */
describe('identity isolation between portals', () => {
  it('one e-mail holds two separate accounts; a session of portal A is a visitor on portal B', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const onA = client(hostOf(a));
    const onB = client(hostOf(b));
    expect(
      (await signUpByMail(onA, { email: 'same@example.test', password: PASSWORD, displayName: 'On A' })).status,
    ).toBe(201);
    expect(
      (
        await signUpByMail(onB, {
          email: 'same@example.test',
          password: 'a different phrase for B',
          displayName: 'On B',
        })
      ).status,
    ).toBe(201);
    expect(
      (await onA.post('/api/auth/signin', { email: 'same@example.test', password: 'a different phrase for B' })).status,
    ).toBe(401);

    const stolen = client(hostOf(b));
    stolen.cookie = onA.cookie;
    expect((await stolen.get('/api/me')).status).toBe(401);
    expect((await onB.get('/api/me')).json.displayName).toBe('On B');
  });

  it('verification, sign-in and invitation tokens of portal A are invalid on portal B', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    await createMemberWithPassword(
      { tenant: a, actor: system },
      { email: 'owner@a.test', displayName: 'Owner', lang: 'en', role: 'owner', password: PASSWORD },
    );
    const onA = client(hostOf(a));
    await onA.post('/api/auth/signin', { email: 'owner@a.test', password: PASSWORD });
    expect((await onA.post('/api/invitations', { email: 'guest@example.test', role: 'team' })).status).toBe(201);
    const invitation = await lastMessageTo('guest@example.test', hostOf(a));
    const onB = client(hostOf(b));
    const replay = await onB.post('/api/invitations/accept', {
      token: invitation.token,
      displayName: 'Guest',
      password: PASSWORD,
    });
    expect(replay.status).toBe(400);
    expect(replay.json.error.code).toBe('invalid_token');

    await onA.post('/api/auth/link', { email: 'owner@a.test' });
    const link = await lastMessageTo('owner@a.test', hostOf(a));
    expect((await onB.post('/api/auth/link/signin', { token: link.token })).status).toBe(400);
    // Still good on its own portal: B's attempt did not consume it.
    expect((await client(hostOf(a)).post('/api/auth/link/signin', { token: link.token })).status).toBe(200);
  });
});
