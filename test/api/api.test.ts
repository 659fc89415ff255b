import { describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { handler } from '../../functions/handlers/api.js';
import { system } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { addComment } from '../../functions/core/comment/index.js';
import { addVerifiedDomain } from '../../functions/core/tenant/index.js';
import { apiGatewayEvent } from '../support/lambda.js';
import { asMember, hostOf, makeMembers, makeTenant } from '../support/tenants.js';

const get = (host: string, path: string) => app.request(`http://${host}${path}`, { headers: { host } });

async function portalWithIdeas(count: number) {
  const tenant = await makeTenant();
  const [member] = await makeMembers(tenant, 1);
  const ideas = [];
  for (let i = 0; i < count; i++) {
    ideas.push(
      await submitIdea(asMember(tenant, member!, new Date(Date.UTC(2026, 9, i + 1))), {
        sectionId: 'product',
        title: `Idea number ${i + 1}`,
        body: 'Long enough body for an idea.',
      }),
    );
  }
  return { tenant, member: member!, ideas };
}

describe('API through app.request', () => {
  it('answers health on any host', async () => {
    const res = await get('localhost', '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('gives the portal public configuration for the host', async () => {
    const tenant = await makeTenant({ name: { en: 'Acme ideas', fr: 'Idées Acme' } });
    const res = await get(`${hostOf(tenant)}:3000`, '/api/portal');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      slug: tenant.slug,
      name: { en: 'Acme ideas' },
      defaultLang: 'en',
      theme: { primary: '#1d4ed8' },
    });
    expect(body.sections.map((s: { id: string }) => s.id)).toEqual(['product', 'experience']);
  });

  it('answers an unknown host with tenant_not_found, and the apex host has no portal routes', async () => {
    const res = await get('nobody-here.localhost', '/api/portal');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('tenant_not_found');
    expect((await get('localhost', '/api/portal')).status).toBe(404);
  });

  it('pages through a section with an opaque cursor', async () => {
    const { tenant, ideas } = await portalWithIdeas(3);
    const first = await (await get(hostOf(tenant), '/api/sections/product/ideas?sort=new&limit=2')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([ideas[2]!.id, ideas[1]!.id]);
    const next = await get(
      hostOf(tenant),
      `/api/sections/product/ideas?sort=new&limit=2&cursor=${encodeURIComponent(first.cursor)}`,
    );
    expect((await next.json()).items.map((i: { id: string }) => i.id)).toEqual([ideas[0]!.id]);
  });

  it('answers bad input with 400 and the failing fields', async () => {
    const { tenant } = await portalWithIdeas(0);
    const badSort = await get(hostOf(tenant), '/api/sections/product/ideas?sort=random');
    expect(badSort.status).toBe(400);
    expect(await badSort.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { sort: expect.any(String) } },
    });
    const badCursor = await get(hostOf(tenant), '/api/sections/product/ideas?cursor=abc.def');
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).error.code).toBe('invalid_cursor');
    const badId = await get(hostOf(tenant), '/api/ideas/not-an-id');
    expect(badId.status).toBe(400);
    expect((await get(hostOf(tenant), '/api/sections/nowhere/ideas')).status).toBe(404);
    expect((await get(hostOf(tenant), '/api/nothing')).status).toBe(404);
  });

  it('returns one idea with its comments', async () => {
    const { tenant, member, ideas } = await portalWithIdeas(1);
    await addComment(asMember(tenant, member), { ideaId: ideas[0]!.id, body: 'First!' });
    const res = await get(hostOf(tenant), `/api/ideas/${ideas[0]!.id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.idea).toMatchObject({ id: ideas[0]!.id, title: 'Idea number 1', commentCount: 1 });
    expect(body.comments.items.map((c: { body: string }) => c.body)).toEqual(['First!']);
  });

  it('resolves a verified custom domain to its portal', async () => {
    const tenant = await makeTenant();
    const domain = `ideas.${tenant.slug}.example`;
    expect((await get(domain, '/api/portal')).status).toBe(404);
    await addVerifiedDomain({ tenant, actor: system }, domain);
    const res = await get(domain, '/api/portal');
    expect(res.status).toBe(200);
    expect((await res.json()).slug).toBe(tenant.slug);

    const other = await makeTenant();
    await expect(addVerifiedDomain({ tenant: other, actor: system }, domain)).rejects.toMatchObject({
      code: 'domain_taken',
    });
  });
});

describe('API through the Lambda handler', () => {
  it('serves a synthetic API Gateway v2 event', async () => {
    const { tenant, ideas } = await portalWithIdeas(1);
    const result = await handler(apiGatewayEvent('GET', `/api/ideas/${ideas[0]!.id}`, { host: hostOf(tenant) }));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).idea.id).toBe(ideas[0]!.id);

    const missing = await handler(apiGatewayEvent('GET', '/api/portal', { host: 'ghost.localhost' }));
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('tenant_not_found');
  });
});
