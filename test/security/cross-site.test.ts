import { describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { hostOf } from '../support/tenants.js';

const signIn = (host: string, headers: Record<string, string>, body: string) =>
  app.request(`http://${host}/api/auth/signin`, { method: 'POST', headers: { host, ...headers }, body });

/** Login CSRF and friends: what a page on another site can make a browser send, without a cookie. */
describe('requests a foreign page makes a browser send', () => {
  it('refuses a sign-in from another origin, with or without a cookie, and opens no session', async () => {
    const { tenant } = await portalWithRoles();
    const host = hostOf(tenant);
    const credentials = JSON.stringify({ email: 'member@example.test', password: PASSWORD });
    const json = { 'content-type': 'application/json' };

    const foreign = await signIn(host, { ...json, origin: 'https://evil.example' }, credentials);
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('cross_origin');
    expect(foreign.headers.get('set-cookie')).toBeNull();
    // No Origin but the browser says the request is cross-site.
    const crossSite = await signIn(host, { ...json, 'sec-fetch-site': 'cross-site' }, credentials);
    expect(crossSite.status).toBe(403);
    // A cookie without the portal's origin.
    expect((await signIn(host, { ...json, cookie: 'sid=whatever' }, credentials)).status).toBe(403);

    // The portal's own page, and a server-to-server call (neither Origin nor cookie), sign in.
    const own = await signIn(host, { ...json, origin: `http://${host}` }, credentials);
    expect(own.status).toBe(200);
    expect(own.headers.get('set-cookie')).toMatch(/^sid=/);
    expect((await signIn(host, json, credentials)).status).toBe(200);
  });

  it('answers 415 to a body that is not JSON (the forms a cross-site page can post without asking)', async () => {
    const { tenant } = await portalWithRoles();
    const host = hostOf(tenant);
    const origin = { origin: `http://${host}` };
    for (const [type, body] of [
      ['text/plain', JSON.stringify({ email: 'member@example.test', password: PASSWORD })],
      ['application/x-www-form-urlencoded', `email=member%40example.test&password=${encodeURIComponent(PASSWORD)}`],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--'],
    ]) {
      const res = await signIn(host, { ...origin, 'content-type': type! }, body!);
      expect(res.status, type).toBe(415);
      expect((await res.json()).error.code).toBe('unsupported_media_type');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    // JSON with its charset is JSON.
    const res = await signIn(
      host,
      { ...origin, 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify({ email: 'member@example.test', password: PASSWORD }),
    );
    expect(res.status).toBe(200);
  });
});

describe('opening a portal from a foreign page', () => {
  it('is refused: another Origin is a 403, a form post a 415', async () => {
    const body = JSON.stringify({ name: 'Hijacked', slug: 'hijacked-portal', lang: 'en', owner: {} });
    const post = (headers: Record<string, string>) =>
      app.request('http://localhost/api/portals', { method: 'POST', headers: { host: 'localhost', ...headers }, body });
    expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain', origin: 'http://localhost' })).status).toBe(415);
    // The platform's own page reaches the checks of the form itself.
    expect((await post({ 'content-type': 'application/json', origin: 'http://localhost' })).status).toBe(400);
  });
});
