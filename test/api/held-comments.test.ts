import { describe, expect, it } from 'vitest';
import { system, type Role } from '../../functions/core/context.js';
import { createMemberWithPassword } from '../support/members.js';
import { getDashboard } from '../../functions/core/insights/index.js';
import { listNotifications } from '../../functions/core/notify/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { client } from '../support/http.js';
import { PASSWORD } from '../support/roles.js';
import { actingAs, hostOf, makeTenant } from '../support/tenants.js';
import { eventually } from '../support/wait.js';

/** A signed-in API client, and the account behind it. */
async function person(tenant: Tenant, name: string, role: Role = 'member') {
  const member = await createMemberWithPassword(
    { tenant, actor: system },
    { email: `${name}@example.test`, displayName: name, lang: 'en', role, password: PASSWORD },
  );
  const web = client(hostOf(tenant));
  expect((await web.post('/api/auth/signin', { email: `${name}@example.test`, password: PASSWORD })).status).toBe(200);
  return { member, web };
}

/** An idea posted by `web`, checked: a refused post fails here, not later. */
async function postIdea(web: ReturnType<typeof client>, title: string) {
  const posted = await web.post('/api/ideas', {
    sectionId: 'product',
    title,
    body: 'A body long enough to be a real idea.',
  });
  expect(posted.status).toBe(201);
  return posted.json.id as string;
}

type Listed = { id: string; body: string; moderation?: string };
const bodies = async (web: ReturnType<typeof client>, ideaId: string) =>
  ((await web.get(`/api/ideas/${ideaId}/comments`)).json.items as Listed[]).map((c) => c.body);
const commentCount = async (web: ReturnType<typeof client>, ideaId: string) =>
  (await web.get(`/api/ideas/${ideaId}`)).json.idea.commentCount as number;
const queue = async (team: ReturnType<typeof client>) =>
  ((await team.get('/api/team/queues/moderation')).json.items as { target: string }[]).map((i) => i.target);

async function commentNotices(tenant: Tenant, member: Awaited<ReturnType<typeof person>>['member']) {
  const { items } = await listNotifications(actingAs(tenant, member), { limit: 50 });
  return items.filter((n) => n.kind === 'comment').map((n) => n.actorName);
}

const today = () => new Date().toISOString().slice(0, 10);
const dashboard = (tenant: Tenant) => getDashboard({ tenant, actor: system }, { from: today(), to: today() });
const dashboardComments = async (tenant: Tenant) => (await dashboard(tenant)).period.comments;

describe('comments follow the moderation policy and blocked words like ideas', () => {
  it('a comment with a blocked word waits for the team: its author sees it marked, nobody else, nothing counts or announces it until approved', async () => {
    const tenant = await makeTenant({ blockedWords: ['casino'] });
    const ann = await person(tenant, 'ann');
    const bob = await person(tenant, 'bob');
    const cy = await person(tenant, 'cy');
    const team = (await person(tenant, 'tess', 'team')).web;
    const ideaId = await postIdea(ann.web, 'Quiet corners');

    const held = await bob.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Come to my Casino instead' });
    expect(held.status).toBe(201);
    expect(held.json.moderation).toBe('pending');
    // Written after the held one in the same partition: once its effects are seen, the held one's were too.
    await cy.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Yes, with plugs for laptops' });

    expect(await bodies(ann.web, ideaId)).toEqual(['Yes, with plugs for laptops']);
    expect(await bodies(client(hostOf(tenant)), ideaId)).toEqual(['Yes, with plugs for laptops']);
    const own = (await bob.web.get(`/api/ideas/${ideaId}/comments`)).json.items as Listed[];
    expect(own.map((c) => [c.body, c.moderation ?? null])).toEqual([
      ['Come to my Casino instead', 'pending'],
      ['Yes, with plugs for laptops', null],
    ]);
    expect(await commentCount(ann.web, ideaId)).toBe(1);
    expect(await queue(team)).toEqual([`comment:${held.json.id}`]);
    // Nobody answers a comment they cannot see.
    expect((await cy.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Reply', parentId: held.json.id })).status).toBe(
      404,
    );
    // Nor flags it; and another portal's team decides nothing about it, on either host.
    expect((await cy.web.post('/api/flags', { target: `comment:${held.json.id}`, reason: 'spam' })).status).toBe(404);
    const elsewhere = await makeTenant();
    const theirTeam = (await person(elsewhere, 'otto', 'team')).web;
    const decide = `/api/team/moderation/comment:${held.json.id}`;
    expect((await theirTeam.post(decide, { decision: 'approve' })).status).toBe(404);
    const presented = client(hostOf(tenant));
    presented.cookie = theirTeam.cookie;
    expect((await presented.post(decide, { decision: 'approve' })).status).toBe(401);
    expect(await queue(team)).toEqual([`comment:${held.json.id}`]);
    await eventually(async () => (await commentNotices(tenant, ann.member)).length === 1);
    expect(await commentNotices(tenant, ann.member)).toEqual(['cy']);
    await eventually(async () => (await dashboardComments(tenant)) === 1);

    const approved = await team.post(`/api/team/moderation/comment:${held.json.id}`, { decision: 'approve' });
    expect(approved.json).toMatchObject({ moderation: null });
    expect(await bodies(ann.web, ideaId)).toEqual(['Come to my Casino instead', 'Yes, with plugs for laptops']);
    expect(await commentCount(ann.web, ideaId)).toBe(2);
    expect(await queue(team)).toEqual([]);
    await eventually(async () => (await commentNotices(tenant, ann.member)).length === 2);
    expect((await commentNotices(tenant, ann.member)).sort()).toEqual(['bob', 'cy']);
    await eventually(async () => (await dashboardComments(tenant)) === 2);

    // Approving again changes nothing: the count stays exact.
    expect((await team.post(`/api/team/moderation/comment:${held.json.id}`, { decision: 'approve' })).status).toBe(200);
    expect(await commentCount(ann.web, ideaId)).toBe(2);
  });

  it('an edit that brings a blocked word holds the comment again; its second approval counts and announces nothing twice', async () => {
    const tenant = await makeTenant({ blockedWords: ['casino'] });
    const ann = await person(tenant, 'ann');
    const bob = await person(tenant, 'bob');
    const team = (await person(tenant, 'tess', 'team')).web;
    const ideaId = await postIdea(ann.web, 'Late opening');
    const comment = (await bob.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Good for students' })).json;
    expect(comment.moderation).toBeUndefined();
    expect(await commentCount(ann.web, ideaId)).toBe(1);

    expect((await bob.web.patch(`/api/comments/${comment.id}`, { body: 'Good for casino nights' })).status).toBe(200);
    expect(await bodies(ann.web, ideaId)).toEqual([]);
    expect(await commentCount(ann.web, ideaId)).toBe(0);
    expect(await queue(team)).toEqual([`comment:${comment.id}`]);
    expect(await bodies(bob.web, ideaId)).toEqual(['Good for casino nights']);

    await team.post(`/api/team/moderation/comment:${comment.id}`, { decision: 'approve' });
    expect(await commentCount(ann.web, ideaId)).toBe(1);
    // A later comment by someone else: once it is counted and announced, the approval above was handled too.
    const cy = await person(tenant, 'cy');
    await cy.web.post(`/api/ideas/${ideaId}/comments`, { body: 'And for night workers' });
    await eventually(async () => (await commentNotices(tenant, ann.member)).includes('cy'));
    expect(await commentNotices(tenant, ann.member)).toEqual(['cy', 'bob']);
    await eventually(async () => (await dashboard(tenant)).contributors.some((c) => c.memberId === cy.member.id));
    expect((await dashboard(tenant)).period.comments).toBe(2);
  });

  it('on a portal that moderates first, the team refuses a comment with a reason; its author keeps seeing it as refused, deleting it moves no count', async () => {
    const tenant = await makeTenant({ moderation: 'before' });
    const ann = await person(tenant, 'ann');
    const bob = await person(tenant, 'bob');
    const team = (await person(tenant, 'tess', 'team')).web;
    const ideaId = await postIdea(ann.web, 'Soup of the day');
    await team.post(`/api/team/moderation/idea:${ideaId}`, { decision: 'approve' });
    const first = (await bob.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Anything at all' })).json;
    const second = (await bob.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Something else' })).json;
    expect([first.moderation, second.moderation]).toEqual(['pending', 'pending']);
    // Editing a held comment keeps it held.
    expect((await bob.web.patch(`/api/comments/${first.id}`, { body: 'Anything, reworded' })).status).toBe(200);
    expect(await queue(team)).toEqual([`comment:${first.id}`, `comment:${second.id}`]);

    expect((await team.post(`/api/team/moderation/comment:${first.id}`, { decision: 'reject' })).status).toBe(400);
    const refused = await team.post(`/api/team/moderation/comment:${first.id}`, {
      decision: 'reject',
      reason: 'Off topic',
    });
    expect(refused.json).toMatchObject({ moderation: 'rejected' });
    expect(await queue(team)).toEqual([`comment:${second.id}`]);
    const own = (await bob.web.get(`/api/ideas/${ideaId}/comments`)).json.items as Listed[];
    expect(own.map((c) => [c.body, c.moderation])).toEqual([
      ['Anything, reworded', 'rejected'],
      ['Something else', 'pending'],
    ]);
    expect(await bodies(ann.web, ideaId)).toEqual([]);

    expect((await bob.web.del(`/api/comments/${second.id}`)).status).toBe(200);
    expect(await queue(team)).toEqual([]);
    expect(await commentCount(ann.web, ideaId)).toBe(0);
    const audit = (await (await person(tenant, 'olga', 'owner')).web.get('/api/admin/audit')).json.items;
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'moderation.reject',
        detail: expect.objectContaining({ reason: 'Off topic' }),
      }),
    );
  });

  it('blocking a spammer refuses their held comments too', async () => {
    const tenant = await makeTenant({ blockedWords: ['watches'] });
    const ann = await person(tenant, 'ann');
    const spammer = await person(tenant, 'sam');
    const team = (await person(tenant, 'tess', 'team')).web;
    const ideaId = await postIdea(ann.web, 'Bigger cups');
    await spammer.web.post(`/api/ideas/${ideaId}/comments`, { body: 'Cheap watches here' });
    expect(await queue(team)).toHaveLength(1);
    const blocked = await team.post(`/api/team/members/${spammer.member.id}/block`, { reason: 'Advertising' });
    expect(blocked.json).toMatchObject({ blocked: true, hiddenIdeas: 0, hiddenComments: 1 });
    expect(await queue(team)).toEqual([]);
  });
});
