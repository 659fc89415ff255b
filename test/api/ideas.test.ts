import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createMemberWithPassword } from '../support/members.js';
import { client } from '../support/http.js';
import { hostOf, makeTenant } from '../support/tenants.js';
import type { Tenant } from '../../functions/core/tenant/index.js';

const PASSWORD = 'a long enough secret phrase';
const idea = (title: string, extra: Record<string, unknown> = {}) => ({
  sectionId: 'product',
  title,
  body: 'A body long enough to be a real idea.',
  ...extra,
});

async function signedIn(tenant: Tenant, name: string, verified = true) {
  await createMemberWithPassword(
    { tenant, actor: system },
    { email: `${name}@example.test`, displayName: name, lang: 'en', password: PASSWORD, verified },
  );
  const web = client(hostOf(tenant));
  expect((await web.post('/api/auth/signin', { email: `${name}@example.test`, password: PASSWORD })).status).toBe(200);
  return web;
}

describe('ideas through the API', () => {
  it('posts, votes, changes and withdraws a vote, with counts and sort keys moving together', async () => {
    const tenant = await makeTenant({ votingMode: 'updown' });
    const ann = await signedIn(tenant, 'ann');
    const bob = await signedIn(tenant, 'bob');
    const posted = await ann.post('/api/ideas', idea('Reusable cups everywhere'));
    expect(posted.status).toBe(201);
    const id = posted.json.id;
    expect((await bob.call('PUT', `/api/ideas/${id}/vote`, { value: 1 })).json).toEqual({ value: 1 });
    expect((await bob.get(`/api/ideas/${id}`)).json.idea).toMatchObject({ upVotes: 1, downVotes: 0 });
    await bob.call('PUT', `/api/ideas/${id}/vote`, { value: -1 });
    expect((await bob.get(`/api/ideas/${id}`)).json.idea).toMatchObject({ upVotes: 0, downVotes: 1 });
    await bob.del(`/api/ideas/${id}/vote`);
    expect((await bob.get(`/api/ideas/${id}`)).json.idea).toMatchObject({ upVotes: 0, downVotes: 0 });
    expect((await bob.call('PUT', `/api/ideas/${id}/vote`, { value: 2 })).status).toBe(400);
  });

  it('asks for a confirmed e-mail before posting or voting, where the portal says so', async () => {
    const tenant = await makeTenant();
    const unverified = await signedIn(tenant, 'newbie', false);
    const res = await unverified.post('/api/ideas', idea('An idea before confirming'));
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('verification_required');
    const relaxed = await makeTenant({ requireVerifiedEmail: false });
    expect(
      (await (await signedIn(relaxed, 'newbie', false)).post('/api/ideas', idea('Allowed here without confirming')))
        .status,
    ).toBe(201);
  });

  it('holds an idea with a blocked word, or on a portal that moderates first, out of every list', async () => {
    const tenant = await makeTenant({ blockedWords: ['casino'] });
    const ann = await signedIn(tenant, 'ann');
    const held = (await ann.post('/api/ideas', idea('Free Casino nights for members'))).json;
    expect(held.moderation).toBe('pending');
    const visible = (await ann.post('/api/ideas', idea('Longer opening hours please'))).json;
    const list = (await ann.get('/api/ideas?section=product&sort=new')).json.items.map((i: { id: string }) => i.id);
    expect(list).toEqual([visible.id]);
    expect((await ann.get(`/api/ideas/${held.id}`)).status).toBe(200);
    expect((await client(hostOf(tenant)).get(`/api/ideas/${held.id}`)).status).toBe(404);
    const bob = await signedIn(tenant, 'bob');
    expect((await bob.call('PUT', `/api/ideas/${held.id}/vote`, { value: 1 })).status).toBe(404);

    const strict = await makeTenant({ moderation: 'before' });
    expect(
      (await (await signedIn(strict, 'cy')).post('/api/ideas', idea('Anything at all here'))).json.moderation,
    ).toBe('pending');
  });

  it('lets the author edit until others engage, and delete softly', async () => {
    const tenant = await makeTenant();
    const ann = await signedIn(tenant, 'ann');
    const bob = await signedIn(tenant, 'bob');
    const id = (await ann.post('/api/ideas', idea('First wording of it'))).json.id;
    await ann.call('PUT', `/api/ideas/${id}/vote`, { value: 1 });
    expect((await ann.patch(`/api/ideas/${id}`, { title: 'Second wording of it' })).json).toMatchObject({
      title: 'Second wording of it',
      editedAt: expect.any(String),
    });
    expect((await bob.patch(`/api/ideas/${id}`, { title: 'Not mine to change' })).status).toBe(403);
    await bob.post(`/api/ideas/${id}/comments`, { body: 'Nice one' });
    const locked = await ann.patch(`/api/ideas/${id}`, { title: 'Third wording of it' });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('idea_locked');
    expect((await ann.del(`/api/ideas/${id}`)).status).toBe(200);
    expect((await bob.get(`/api/ideas/${id}`)).status).toBe(404);
    expect((await bob.get('/api/ideas?section=product')).json.items).toEqual([]);
  });

  it('threads replies one level deep, edits and deletes own comments, keeps the count exact', async () => {
    const tenant = await makeTenant();
    const ann = await signedIn(tenant, 'ann');
    const bob = await signedIn(tenant, 'bob');
    const id = (await ann.post('/api/ideas', idea('Discuss this one'))).json.id;
    const top = (await bob.post(`/api/ideas/${id}/comments`, { body: 'Top-level remark' })).json;
    const reply = (await ann.post(`/api/ideas/${id}/comments`, { body: 'A reply', parentId: top.id })).json;
    expect(reply.parentId).toBe(top.id);
    const deeper = await bob.post(`/api/ideas/${id}/comments`, { body: 'Reply to a reply', parentId: reply.id });
    expect(deeper.status).toBe(400);
    expect((await ann.patch(`/api/comments/${top.id}`, { body: 'Hijack' })).status).toBe(403);
    expect((await bob.patch(`/api/comments/${top.id}`, { body: 'Top-level remark, edited' })).status).toBe(200);
    expect((await ann.del(`/api/comments/${reply.id}`)).status).toBe(200);
    const thread = (await bob.get(`/api/ideas/${id}/comments`)).json.items;
    expect(
      thread.map((c: { body: string; deleted?: boolean; editedAt?: string }) => [
        c.body,
        Boolean(c.deleted),
        Boolean(c.editedAt),
      ]),
    ).toEqual([
      ['Top-level remark, edited', false, true],
      ['', true, false],
    ]);
    expect((await bob.get(`/api/ideas/${id}`)).json.idea.commentCount).toBe(1);
  });

  it('follows and unfollows idempotently, and flags once per member', async () => {
    const tenant = await makeTenant();
    const ann = await signedIn(tenant, 'ann');
    const bob = await signedIn(tenant, 'bob');
    const id = (await ann.post('/api/ideas', idea('Follow this idea'))).json.id;
    await bob.call('PUT', `/api/ideas/${id}/follow`);
    await bob.call('PUT', `/api/ideas/${id}/follow`);
    expect((await bob.get(`/api/ideas/${id}`)).json.idea.followerCount).toBe(1);
    await bob.del(`/api/ideas/${id}/follow`);
    await bob.del(`/api/ideas/${id}/follow`);
    expect((await bob.get(`/api/ideas/${id}`)).json.idea.followerCount).toBe(0);
    expect((await bob.post('/api/flags', { target: `idea:${id}`, reason: 'spam' })).status).toBe(201);
    expect((await bob.post('/api/flags', { target: `idea:${id}`, reason: 'spam' })).status).toBe(201);
    expect((await bob.post('/api/flags', { target: `idea:${id}`, reason: 'boring' })).status).toBe(400);
    expect((await bob.post('/api/flags', { target: 'comment:0000000000aaaaaaaaaa', reason: 'spam' })).status).toBe(404);
  });

  it('filters a section by status and category across page boundaries', async () => {
    const tenant = await makeTenant();
    const ann = await signedIn(tenant, 'ann');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        (await ann.post('/api/ideas', idea(`Idea number ${i} here`, i % 2 ? { categoryId: 'drinks' } : {}))).json.id,
      );
    }
    const drinks = ids.filter((_, i) => i % 2).reverse();
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (
        await ann.get(
          `/api/ideas?section=product&sort=new&category=drinks&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json;
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.cursor ?? '';
    } while (cursor);
    expect(seen).toEqual(drinks);
    expect((await ann.get('/api/ideas?section=product&status=launched')).json.items).toEqual([]);
    expect((await ann.get('/api/ideas?section=product&status=bogus')).status).toBe(400);
  });
});

describe('portal visibility', () => {
  it('a members-only portal shows its ideas to signed-in members only', async () => {
    const tenant = await makeTenant({ visibility: 'members' });
    const ann = await signedIn(tenant, 'ann');
    const id = (await ann.post('/api/ideas', idea('Members only idea here'))).json.id;
    const visitor = client(hostOf(tenant));
    for (const path of [
      `/api/ideas/${id}`,
      `/api/ideas/${id}/comments`,
      '/api/ideas?section=product',
      '/api/ideas?q=members',
      '/api/ideas/similar?title=Members only',
    ]) {
      expect((await visitor.get(path)).status, path).toBe(401);
    }
    expect((await ann.get(`/api/ideas/${id}`)).status).toBe(200);
  });
});
