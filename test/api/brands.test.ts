import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { contrastRatio } from '../../functions/core/tenant/contrast.js';
import { signUpByMail } from '../support/signup.js';
import { client } from '../support/http.js';
import { portalWithRoles } from '../support/roles.js';
import { hostOf } from '../support/tenants.js';
import { randomBytes } from 'node:crypto';

const platform = () => client('localhost');
const freshSlug = () => `b-${randomBytes(4).toString('hex')}`;
const publishTxt = (name: string, value: string) =>
  writeFileSync(join(process.env.DNS_TXT_DIR!, `${name}.txt`), `${value}\n`);
const portalOn = (host: string) => app.request(`http://${host}/api/portal`, { headers: { host } });

describe('opening a portal from the platform', () => {
  it('checks slugs, opens the portal with three sections in one step, and refuses a taken slug', async () => {
    const slug = freshSlug();
    expect((await platform().get(`/api/portals/slug-available?slug=${slug}`)).json).toEqual({ slug, available: true });
    expect((await platform().get('/api/portals/slug-available?slug=admin')).json).toMatchObject({
      available: false,
      reason: 'reserved',
    });
    expect((await platform().get('/api/portals/slug-available?slug=Bad_Slug!')).json).toMatchObject({
      available: false,
      reason: 'invalid',
    });

    const owner = { displayName: 'Ada Brand', email: 'ada@brand.test', password: 'correct horse battery staple' };
    const opened = await platform().post('/api/portals', { name: 'Brand ideas', slug, lang: 'fr', owner });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({
      slug,
      url: `http://${slug}.localhost/`,
      welcome: expect.stringContaining(`http://${slug}.localhost/welcome?token=`),
    });
    const config = await (await portalOn(`${slug}.localhost`)).json();
    expect(config).toMatchObject({ name: { fr: 'Brand ideas' }, defaultLang: 'fr' });
    expect(config.sections.map((s: { id: string }) => s.id)).toEqual(['product', 'experience', 'participation']);
    expect((await platform().get(`/api/portals/slug-available?slug=${slug}`)).json).toMatchObject({
      available: false,
      reason: 'taken',
    });

    const again = await platform().post('/api/portals', {
      name: 'Squatter',
      slug,
      lang: 'en',
      owner: { ...owner, email: 'other@brand.test' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('slug_taken');
  });

  it('answers bad input with the failing fields and writes nothing', async () => {
    const slug = freshSlug();
    const bad = await platform().post('/api/portals', {
      name: 'X',
      slug,
      lang: 'de',
      owner: { displayName: '', email: 'nope', password: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(
      expect.arrayContaining(['name', 'lang', 'owner.displayName', 'owner.email', 'owner.password']),
    );
    expect((await platform().get(`/api/portals/slug-available?slug=${slug}`)).json.available).toBe(true);
    expect(
      (
        await platform().post('/api/portals', {
          name: 'Reserved',
          slug: 'www',
          lang: 'en',
          owner: { displayName: 'A', email: 'a@b.test', password: 'correct horse battery staple' },
        })
      ).status,
    ).toBe(409);
  });

  it('exists on the platform host only', async () => {
    const { tenant } = await portalWithRoles();
    expect((await client(hostOf(tenant)).get(`/api/portals/slug-available?slug=${freshSlug()}`)).status).toBe(404);
  });
});

describe('portal settings', () => {
  it('refuses a low-contrast theme with the measured ratio and a nearest colour that passes', async () => {
    const { as } = await portalWithRoles();
    const owner = await as('owner');
    const { json: settings } = await owner.get('/api/admin/portal');
    const res = await owner.patch('/api/admin/portal', {
      version: settings.version,
      theme: { ...settings.theme, text: '#999999' },
    });
    expect(res.status).toBe(400);
    const message: string = res.json.error.fields['theme.text'];
    expect(message).toContain(`Contrast ${contrastRatio('#999999', '#ffffff').toFixed(2)}:1`);
    const suggested = /Nearest that passes: (#[0-9a-f]{6})/.exec(message)![1]!;
    expect(contrastRatio(suggested, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#999999', '#ffffff')).toBeLessThan(4.5);
    expect((await owner.get('/api/admin/portal')).json.version).toBe(settings.version);
  });

  it('two admins saving at once: one wins, the other gets 409, nothing is lost silently; section changes both land', async () => {
    const { as } = await portalWithRoles();
    const [owner, admin] = [await as('owner'), await as('admin')];
    const { json: seen } = await owner.get('/api/admin/portal');
    const results = await Promise.all([
      owner.patch('/api/admin/portal', { version: seen.version, tagline: { en: 'From the owner' } }),
      admin.patch('/api/admin/portal', { version: seen.version, tagline: { en: 'From the admin' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.json.tagline.en;
    const after = (await owner.get('/api/admin/portal')).json;
    expect(after.tagline.en).toBe(winner);
    expect(after.version).toBe(seen.version + 1);

    await Promise.all([
      owner.post('/api/admin/sections', { name: { en: 'Services', fr: 'Services' } }),
      admin.post('/api/admin/sections', { name: { en: 'Stores', fr: 'Magasins' } }),
    ]);
    const ids = (await owner.get('/api/admin/sections')).json.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['services', 'stores']));
    const audit = (await owner.get('/api/admin/audit')).json.items;
    expect(audit.filter((e: { action: string }) => e.action === 'settings.update')).toHaveLength(1);
    expect(audit.filter((e: { action: string }) => e.action === 'section.add')).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor: { name: expect.stringMatching(/owner|admin/) }, at: expect.any(String) });
  });

  it('renames, reorders and archives sections (archived ideas stay readable), and manages categories', async () => {
    const { as, tenant } = await portalWithRoles();
    const owner = await as('owner');
    const member = await as('member');
    const idea = await member.post('/api/ideas', {
      sectionId: 'experience',
      title: 'Open stores earlier',
      body: 'Many of us start work at seven.',
    });
    expect(idea.status).toBe(201);
    expect(
      (await owner.patch('/api/admin/sections/experience', { name: { en: 'Visits', fr: 'Visites' }, position: 0 }))
        .status,
    ).toBe(200);
    expect((await owner.get('/api/portal')).json.sections.map((s: { id: string }) => s.id)).toEqual([
      'experience',
      'product',
    ]);
    expect((await owner.del('/api/admin/sections/experience')).status).toBe(200);
    expect((await owner.get('/api/portal')).json.sections.map((s: { id: string }) => s.id)).toEqual(['product']);
    expect((await client(hostOf(tenant)).get(`/api/ideas/${idea.json.id}`)).status).toBe(200);
    expect((await owner.del('/api/admin/sections/product')).status).toBe(400); // the last open section stays

    const added = await owner.post('/api/admin/categories', {
      sectionId: 'product',
      name: { en: 'Pastries', fr: 'Pâtisseries' },
    });
    expect(added.json).toMatchObject({ id: 'pastries', sectionId: 'product' });
    expect((await owner.patch('/api/admin/categories/pastries', { name: { en: 'Cakes' } })).status).toBe(200);
    expect((await owner.del('/api/admin/categories/pastries')).status).toBe(204);
    expect((await owner.del('/api/admin/categories/pastries')).status).toBe(404);
  });

  it('no member, partner or team member reaches an admin route, nor an admin of another portal', async () => {
    const { tenant, as } = await portalWithRoles();
    const other = await portalWithRoles();
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/admin/portal'],
      ['PATCH', '/api/admin/portal', { version: 1, tagline: { en: 'x' } }],
      ['PUT', '/api/admin/portal/images/logo', { uploadId: 'abcdefghijklmnopqrst' }],
      ['DELETE', '/api/admin/portal/images/logo'],
      ['GET', '/api/admin/sections'],
      ['POST', '/api/admin/sections', { name: { en: 'x' } }],
      ['PATCH', '/api/admin/sections/product', { name: { en: 'x' } }],
      ['DELETE', '/api/admin/sections/product'],
      ['GET', '/api/admin/categories'],
      ['POST', '/api/admin/categories', { sectionId: 'product', name: { en: 'x' } }],
      ['PATCH', '/api/admin/categories/drinks', { name: { en: 'x' } }],
      ['DELETE', '/api/admin/categories/drinks'],
      ['GET', '/api/admin/domains'],
      ['POST', '/api/admin/domains', { domain: 'ideas.example.org' }],
      ['POST', '/api/admin/domains/ideas.example.org/verify'],
      ['DELETE', '/api/admin/domains/ideas.example.org'],
      ['GET', '/api/admin/audit'],
    ];
    const visitor = client(hostOf(tenant));
    const outsider = await other.as('owner');
    const onThisHost = client(hostOf(tenant));
    onThisHost.cookie = outsider.cookie; // another portal's owner session, presented here
    const lower = [await as('member'), await as('partner'), await as('team')];
    for (const [method, path, body] of routes) {
      expect((await visitor.call(method, path, body)).status, `${method} ${path} visitor`).toBe(401);
      expect((await onThisHost.call(method, path, body)).status, `${method} ${path} other portal's owner`).toBe(401);
      for (const [i, web] of lower.entries())
        expect((await web.call(method, path, body)).status, `${method} ${path} role ${i}`).toBe(403);
    }
    const settings = (await (await as('owner')).get('/api/admin/portal')).json;
    expect(settings.sections.find((s: { id: string }) => s.id === 'product').archived).toBe(false);
    expect(settings.tagline).toBeUndefined();
  });
});

describe('visibility', () => {
  it('a members-only portal tells a visitor nothing but its branding, and answers its API with 401', async () => {
    const { tenant, as } = await portalWithRoles();
    const owner = await as('owner');
    const member = await as('member');
    const idea = await member.post('/api/ideas', {
      sectionId: 'product',
      title: 'A secret product idea',
      body: 'Only for the members of this portal.',
    });
    const version = (await owner.get('/api/admin/portal')).json.version;
    expect(
      (
        await owner.patch('/api/admin/portal', {
          version,
          visibility: 'members',
          welcome: { en: 'Members welcome text' },
        })
      ).status,
    ).toBe(200);

    const visitor = client(hostOf(tenant));
    for (const path of [
      '/api/sections/product/ideas',
      `/api/ideas/${idea.json.id}`,
      `/api/ideas/${idea.json.id}/comments`,
      '/api/ideas?q=secret',
      '/api/ideas/similar?title=secret product',
      '/api/ideas-in-action',
      '/api/notifications',
      '/api/offers/search?q=secret',
      '/api/partners',
    ]) {
      const res = await visitor.get(path);
      expect(res.status, path).toBe(401);
      expect(JSON.stringify(res.json)).not.toContain('secret');
    }
    const config = await visitor.get('/api/portal');
    expect(config.status).toBe(200);
    expect(config.json.sections).toEqual([]);
    expect(JSON.stringify(config.json)).not.toMatch(/Members welcome text|Product/);
    expect((await member.get(`/api/ideas/${idea.json.id}`)).status).toBe(200);
    // Signing up stays open on a members-only portal...
    expect(
      (
        await signUpByMail(visitor, {
          email: 'new@example.test',
          password: 'correct horse battery staple',
          displayName: 'New',
        })
      ).status,
    ).toBe(201);
    // An invitation can be accepted by someone not yet signed in (this one is simply not valid).
    expect(
      (
        await client(hostOf(tenant)).post('/api/invitations/accept', {
          token: 'x'.repeat(43),
          displayName: 'X',
          password: 'correct horse battery staple',
        })
      ).json.error.code,
    ).toBe('invalid_token');
    // ...and closes on an invitation-only one.
    const v2 = (await owner.get('/api/admin/portal')).json.version;
    expect((await owner.patch('/api/admin/portal', { version: v2, visibility: 'invitation' })).status).toBe(200);
    const refused = await client(hostOf(tenant)).post('/api/auth/signup', {
      email: 'late@example.test',
      password: 'correct horse battery staple',
      displayName: 'Late',
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('invitation_required');
  });
});

describe('custom domains', () => {
  it('resolve only after TXT verification, and never to two portals', async () => {
    const a = await portalWithRoles();
    const b = await portalWithRoles();
    const [ownerA, ownerB] = [await a.as('owner'), await b.as('owner')];
    const domain = `ideas.${randomBytes(4).toString('hex')}.example.org`;

    const added = await ownerA.post('/api/admin/domains', { domain: domain.toUpperCase() });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ host: domain, verified: false });
    const txt = added.json.records.find((r: { type: string }) => r.type === 'TXT');
    expect(added.json.records.find((r: { type: string }) => r.type === 'CNAME')).toMatchObject({
      name: domain,
      value: `${a.tenant.slug}.localhost`,
    });
    expect((await portalOn(domain)).status).toBe(404);

    const early = await ownerA.post(`/api/admin/domains/${domain}/verify`);
    expect(early.status).toBe(422);
    expect((await portalOn(domain)).status).toBe(404);

    // Portal B adds the same domain too; it cannot prove it (the TXT value is A's), so it never gets it.
    const addedB = await ownerB.post('/api/admin/domains', { domain });
    expect(addedB.json.records[0].value).not.toBe(txt.value);
    publishTxt(txt.name, txt.value);
    expect((await ownerB.post(`/api/admin/domains/${domain}/verify`)).status).toBe(422);
    expect((await ownerA.post(`/api/admin/domains/${domain}/verify`)).json).toMatchObject({ verified: true });
    expect((await (await portalOn(domain)).json()).slug).toBe(a.tenant.slug);

    // Even with its own TXT value published, B cannot take a domain A holds.
    publishTxt(txt.name, addedB.json.records[0].value);
    const taken = await ownerB.post(`/api/admin/domains/${domain}/verify`);
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('domain_taken');
    expect((await (await portalOn(domain)).json()).slug).toBe(a.tenant.slug);

    expect((await ownerA.del(`/api/admin/domains/${domain}`)).status).toBe(204);
    expect((await portalOn(domain)).status).toBe(404);
    expect((await ownerB.post(`/api/admin/domains/${domain}/verify`)).json).toMatchObject({ verified: true });
    expect((await (await portalOn(domain)).json()).slug).toBe(b.tenant.slug);
    expect((await ownerA.post('/api/admin/domains', { domain: `x.localhost` })).status).toBe(400);
  });
});
