import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { members } from '../../functions/core/db/index.js';
import { createMemberWithPassword } from '../support/members.js';
import { client } from '../support/http.js';
import { lastMessageTo } from '../support/outbox.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { hostOf, makeTenant } from '../support/tenants.js';

const NEW_PASSWORD = 'another long secret phrase';

/** An account signed in on two devices. */
async function twoDevices() {
  const tenant = await makeTenant();
  const email = 'r@example.test';
  const account = await createMemberWithPassword(
    { tenant, actor: system },
    { email, displayName: 'R', lang: 'en', password: PASSWORD },
  );
  const [laptop, phone] = [client(hostOf(tenant)), client(hostOf(tenant))];
  for (const web of [laptop, phone])
    expect((await web.post('/api/auth/signin', { email, password: PASSWORD })).status).toBe(200);
  /** Asks for a link by e-mail and returns its token. */
  const link = async (kind: 'reset-request' | 'link') => {
    expect((await client(hostOf(tenant)).post(`/api/auth/${kind}`, { email })).status).toBe(202);
    return (await lastMessageTo(email, hostOf(tenant))).token;
  };
  return { tenant, account, email, laptop, phone, link };
}

describe('a password reset or change ends every other way in', () => {
  it('a reset ends the other reset links, the sign-in links and every session, in the one write that sets the password', async () => {
    const { tenant, account, laptop, phone, link } = await twoDevices();
    const [firstReset, signInLink, secondReset] = [
      await link('reset-request'),
      await link('link'),
      await link('reset-request'),
    ];
    const visitor = client(hostOf(tenant));
    expect((await visitor.post('/api/auth/reset', { token: secondReset, password: NEW_PASSWORD })).status).toBe(200);

    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await phone.get('/api/me')).status).toBe(401);
    const stale = await visitor.post('/api/auth/reset', { token: firstReset, password: 'yet another secret phrase' });
    expect(stale.status).toBe(400);
    expect(stale.json.error.code).toBe('invalid_token');
    expect((await visitor.post('/api/auth/link/signin', { token: signInLink })).status).toBe(400);
    // The refused reset changed nothing: the password is the one just set.
    expect((await visitor.post('/api/auth/signin', { email: 'r@example.test', password: NEW_PASSWORD })).status).toBe(
      200,
    );
    const stored = await members.get([tenant.id, account.id], { consistent: true });
    expect(stored?.sessionsNotBefore).toBe(stored?.tokensNotBefore);

    // A link asked for afterwards works.
    expect((await client(hostOf(tenant)).post('/api/auth/link/signin', { token: await link('link') })).status).toBe(
      200,
    );
  });

  it('a change keeps the device that made it, and ends the other sessions and every link sent before', async () => {
    const { tenant, laptop, phone, link } = await twoDevices();
    const [resetLink, signInLink] = [await link('reset-request'), await link('link')];
    const changed = await laptop.post('/api/auth/password', { current: PASSWORD, password: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    const visitor = client(hostOf(tenant));
    expect(
      (await visitor.post('/api/auth/reset', { token: resetLink, password: 'yet another secret phrase' })).status,
    ).toBe(400);
    expect((await visitor.post('/api/auth/link/signin', { token: signInLink })).status).toBe(400);
    expect(
      (await laptop.post('/api/auth/password', { current: PASSWORD, password: 'a third secret phrase' })).status,
    ).toBe(400);
  });
});

describe('revoking an invitation', () => {
  it('owners and admins list pending invitations and revoke one: its link then says it was withdrawn', async () => {
    const { tenant, as } = await portalWithRoles();
    const owner = await as('owner');
    const admin = await as('admin');
    expect((await owner.post('/api/invitations', { email: 'ana@example.test', role: 'team' })).status).toBe(201);
    const { token } = await lastMessageTo('ana@example.test', hostOf(tenant));
    expect((await owner.post('/api/invitations', { email: 'ben@example.test', role: 'partner' })).status).toBe(201);
    const pending = (await admin.get('/api/invitations')).json.items as { id: string; email: string; role: string }[];
    expect(pending.map((i) => [i.email, i.role])).toEqual([
      ['ana@example.test', 'team'],
      ['ben@example.test', 'partner'],
    ]);
    const ana = pending[0]!.id;

    expect((await admin.del(`/api/invitations/${ana}`)).json).toEqual({ id: ana, revoked: true });
    expect((await owner.get('/api/invitations')).json.items.map((i: { email: string }) => i.email)).toEqual([
      'ben@example.test',
    ]);
    const refused = await client(hostOf(tenant)).post('/api/invitations/accept', {
      token,
      displayName: 'Ana',
      password: PASSWORD,
    });
    expect(refused.status).toBe(410);
    expect(refused.json.error).toMatchObject({
      code: 'invitation_revoked',
      message: expect.stringContaining('withdrawn'),
    });
    // Even before the form is filled in, the link says so.
    expect((await client(hostOf(tenant)).post('/api/invitations/accept', { token })).status).toBe(410);
    expect((await owner.del(`/api/invitations/${ana}`)).status).toBe(404);
    expect((await owner.post('/api/auth/signin', { email: 'ana@example.test', password: PASSWORD })).status).toBe(401);
  });

  it('an accepted invitation leaves the list; another portal cannot revoke this one’s', async () => {
    const { tenant, as } = await portalWithRoles();
    const owner = await as('owner');
    await owner.post('/api/invitations', { email: 'cy@example.test', role: 'team' });
    const { token } = await lastMessageTo('cy@example.test', hostOf(tenant));
    const id = (await owner.get('/api/invitations')).json.items[0].id as string;

    const other = await portalWithRoles();
    const theirs = await other.as('owner');
    expect((await theirs.del(`/api/invitations/${id}`)).status).toBe(404);
    const presented = client(hostOf(tenant));
    presented.cookie = theirs.cookie;
    expect((await presented.del(`/api/invitations/${id}`)).status).toBe(401);
    expect((await owner.get('/api/invitations')).json.items).toHaveLength(1);

    const accepted = await client(hostOf(tenant)).post('/api/invitations/accept', {
      token,
      displayName: 'Cy',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect((await owner.get('/api/invitations')).json.items).toEqual([]);
    expect((await owner.del(`/api/invitations/${id}`)).status).toBe(404);
  });
});
