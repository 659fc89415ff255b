import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { members } from '../../functions/core/db/index.js';
import { signInSecondStep } from '../../functions/core/identity/index.js';
import { client } from '../support/http.js';
import { lastMessageTo } from '../support/outbox.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { hostOf } from '../support/tenants.js';

/** What an authenticator app shows for a secret at a moment. */
const appCode = (secret: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });

describe('two-step sign-in (TOTP, recovery codes)', () => {
  it('is turned on with the password and a first code, then asks every sign-in for a code, each code taken once', async () => {
    const { tenant, as } = await portalWithRoles();
    const owner = await as('owner');
    expect(
      (await owner.post('/api/me/two-step/start', { password: 'not my password' })).json.error.fields,
    ).toHaveProperty('password');
    const started = await owner.post('/api/me/two-step/start', { password: PASSWORD });
    expect(started.status).toBe(201);
    const { secret, uri } = started.json;
    expect(uri).toBe(
      `otpauth://totp/Test%20portal:owner%40example.test?secret=${secret}&issuer=Test%20portal&algorithm=SHA1&digits=6&period=30`,
    );
    expect((await owner.post('/api/me/two-step/enable', { code: '000000' })).json.error.fields).toHaveProperty('code');
    const enabledAt = Date.now();
    const enabled = await owner.post('/api/me/two-step/enable', { code: appCode(secret, enabledAt) });
    expect(enabled.status).toBe(200);
    const recovery: string[] = enabled.json.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await owner.get('/api/me')).json).toMatchObject({ twoStep: true, recoveryCodesLeft: 10 });
    // The secret never comes back (not in the profile, not in the export), and is stored sealed.
    expect(JSON.stringify((await owner.get('/api/me/export')).json)).not.toContain(secret);
    const stored = await members.get([tenant.id, (await owner.get('/api/me')).json.id], { consistent: true });
    expect(stored?.totpSecret).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await owner.post('/api/me/two-step/start', { password: PASSWORD })).status).toBe(409);

    // The password alone no longer signs in: a ticket for the second step, no cookie.
    const laptop = client(hostOf(tenant));
    const first = await laptop.post('/api/auth/signin', { email: 'owner@example.test', password: PASSWORD });
    expect(first.status).toBe(202);
    expect(first.json).toEqual({ secondStep: 'totp', ticket: expect.any(String) });
    expect(first.setCookie).toBeFalsy();
    expect((await laptop.get('/api/me')).status).toBe(401);
    // The code just used to turn it on is spent: the same time step is refused.
    const replay = await laptop.post('/api/auth/signin/second', {
      ticket: first.json.ticket,
      code: appCode(secret, enabledAt),
    });
    expect(replay.json.error.fields).toHaveProperty('code');
    // The next code of the app passes (the moment given to the core, thirty seconds on).
    const later = new Date(Date.now() + 30_000);
    const visitor = { tenant, actor: { kind: 'visitor' as const }, now: later };
    const passed = await signInSecondStep(visitor, {
      ticket: first.json.ticket,
      code: appCode(secret, later.getTime()),
    });
    expect(passed.profile).toMatchObject({ email: 'owner@example.test', twoStep: true });
    // A ticket works once.
    await expect(signInSecondStep(visitor, { ticket: first.json.ticket, code: recovery[0]! })).rejects.toMatchObject({
      code: 'invalid_token',
    });

    // A recovery code signs in once, typed in any case, with or without its dash.
    const phone = client(hostOf(tenant));
    const ticket = (await phone.post('/api/auth/signin', { email: 'owner@example.test', password: PASSWORD })).json
      .ticket;
    const byRecovery = await phone.post('/api/auth/signin/second', { ticket, code: recovery[0]!.toUpperCase() });
    expect(byRecovery.status).toBe(200);
    expect((await phone.get('/api/me')).json).toMatchObject({ twoStep: true, recoveryCodesLeft: 9 });
    const again = (
      await client(hostOf(tenant)).post('/api/auth/signin', { email: 'owner@example.test', password: PASSWORD })
    ).json.ticket;
    expect(
      (await client(hostOf(tenant)).post('/api/auth/signin/second', { ticket: again, code: recovery[0]! })).status,
    ).toBe(400);

    // The e-mailed link is a first step too.
    const byLink = client(hostOf(tenant));
    await byLink.post('/api/auth/link', { email: 'owner@example.test' });
    const linked = await byLink.post('/api/auth/link/signin', {
      token: (await lastMessageTo('owner@example.test', hostOf(tenant))).token,
    });
    expect(linked.status).toBe(202);
    expect((await byLink.get('/api/me')).status).toBe(401);
  });

  it('holds guesses back per ticket, and is turned off only with a code', async () => {
    const { tenant, as } = await portalWithRoles();
    const admin = await as('admin');
    const { secret } = (await admin.post('/api/me/two-step/start', { password: PASSWORD })).json;
    const { recoveryCodes } = (await admin.post('/api/me/two-step/enable', { code: appCode(secret) })).json;

    const guesser = client(hostOf(tenant));
    const { ticket } = (await guesser.post('/api/auth/signin', { email: 'admin@example.test', password: PASSWORD }))
      .json;
    for (let i = 0; i < 5; i++) {
      expect((await guesser.post('/api/auth/signin/second', { ticket, code: String(100000 + i) })).status).toBe(400);
    }
    const held = await guesser.post('/api/auth/signin/second', { ticket, code: recoveryCodes[1] });
    expect(held.status).toBe(429);

    expect((await admin.post('/api/me/two-step/disable', { code: '123456' })).status).toBe(400);
    expect((await admin.get('/api/me')).json.twoStep).toBe(true);
    expect((await admin.post('/api/me/two-step/disable', { code: recoveryCodes[2] })).status).toBe(200);
    expect((await admin.get('/api/me')).json).toMatchObject({ twoStep: false, recoveryCodesLeft: 0 });
    const plain = await client(hostOf(tenant)).post('/api/auth/signin', {
      email: 'admin@example.test',
      password: PASSWORD,
    });
    expect(plain.status).toBe(200);
  });
});
