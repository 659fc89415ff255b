import { describe, expect, it } from 'vitest';
import { system, type Ctx } from '../../functions/core/context.js';
import { addComment } from '../../functions/core/comment/index.js';
import { flag } from '../../functions/core/flag/index.js';
import { setFollow } from '../../functions/core/follow/index.js';
import { getIdea, submitIdea } from '../../functions/core/idea/index.js';
import { type Member } from '../../functions/core/member/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { listNotifications } from '../../functions/core/notify/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { client } from '../support/http.js';
import { portalWithRoles } from '../support/roles.js';
import { hostOf } from '../support/tenants.js';
import { eventually } from '../support/wait.js';

const asMember = (tenant: Tenant, m: Member): Ctx => ({
  tenant,
  actor: { kind: 'member', memberId: m.id, role: m.role, verified: true, displayName: m.displayName },
});
const people = (tenant: Tenant, prefix: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) =>
      createMember(
        { tenant, actor: system },
        { email: `${prefix}${i}@example.test`, displayName: `${prefix} ${i}`, lang: 'en' },
      ),
    ),
  );
const post = (tenant: Tenant, author: Member, title: string) =>
  submitIdea(asMember(tenant, author), { sectionId: 'product', title, body: 'A body long enough to be a real idea.' });

async function statusNotifications(tenant: Tenant, member: Member, ideaId: string) {
  const { items } = await listNotifications(asMember(tenant, member), { limit: 50 });
  return items.filter((n) => n.kind === 'status' && n.ideaId === ideaId);
}

describe('the innovation team workspace', () => {
  it('a status change with a response notifies exactly the author, the voters and the followers, once each; repeating it changes nothing', async () => {
    const { tenant, as } = await portalWithRoles();
    const [author, v1, v2, follower, bystander] = await people(tenant, 'p', 5);
    const idea = await post(tenant, author!, 'Oat milk at no extra cost');
    for (const voter of [v1!, v2!, author!]) await castVote(asMember(tenant, voter), { ideaId: idea.id, value: 1 });
    await setFollow(asMember(tenant, follower!), idea.id, true);
    await setFollow(asMember(tenant, v1!), idea.id, true);
    const team = await as('team');
    const changed = await team.post(`/api/ideas/${idea.id}/status`, {
      status: 'in_progress',
      response: 'We are testing it in ten stores.',
    });
    expect(changed.status).toBe(200);
    expect(
      (
        await team.post(`/api/ideas/${idea.id}/status`, {
          status: 'in_progress',
          response: 'We are testing it in ten stores.',
        })
      ).status,
    ).toBe(200);
    for (const m of [author!, v1!, v2!, follower!]) {
      await eventually(async () => (await statusNotifications(tenant, m, idea.id)).length > 0);
    }
    await new Promise((r) => setTimeout(r, 800)); // room for a duplicate to show up, if there were one
    for (const m of [author!, v1!, v2!, follower!])
      expect((await statusNotifications(tenant, m, idea.id)).length, m.displayName).toBe(1);
    expect(await statusNotifications(tenant, bystander!, idea.id)).toEqual([]);

    const visitor = client(hostOf(tenant));
    const history = (await visitor.get(`/api/ideas/${idea.id}/status-history`)).json.items;
    expect(history).toEqual([
      expect.objectContaining({ from: 'new', to: 'in_progress', response: 'We are testing it in ten stores.' }),
    ]);
    expect((await visitor.get(`/api/ideas/${idea.id}`)).json.idea.response).toMatchObject({
      text: 'We are testing it in ten stores.',
      status: 'in_progress',
    });

    await team.post(`/api/ideas/${idea.id}/status`, {
      status: 'launched',
      response: 'Oat milk costs the same from today.',
    });
    const inAction = (await visitor.get('/api/ideas-in-action')).json.items;
    expect(inAction).toEqual([
      expect.objectContaining({
        id: idea.id,
        response: expect.objectContaining({ text: 'Oat milk costs the same from today.' }),
      }),
    ]);
  });

  it('merging a duplicate gives the exact union of voters, also with votes cast during the merge, and can run again', async () => {
    const { tenant, as } = await portalWithRoles();
    const voters = await people(tenant, 'v', 30);
    const [author] = await people(tenant, 'a', 1);
    const kept = await post(tenant, author!, 'Reusable cups in every shop');
    const dup = await post(tenant, author!, 'Reusable cups, please');
    // 0..19 voted for the duplicate, 10..24 for the kept idea: 10..19 voted for both.
    await Promise.all(voters.slice(0, 20).map((v) => castVote(asMember(tenant, v), { ideaId: dup.id, value: 1 })));
    await Promise.all(voters.slice(10, 25).map((v) => castVote(asMember(tenant, v), { ideaId: kept.id, value: 1 })));
    await setFollow(asMember(tenant, voters[0]!), dup.id, true);
    const team = await as('team');
    // 25..29 vote for the kept idea while the merge runs.
    const [merged] = await Promise.all([
      team.post(`/api/ideas/${dup.id}/merge`, { into: kept.id }),
      ...voters.slice(25, 30).map((v) => castVote(asMember(tenant, v), { ideaId: kept.id, value: 1 })),
    ]);
    expect(merged.status).toBe(200);
    const after = await getIdea({ tenant, actor: system }, kept.id);
    expect(after.upVotes).toBe(30); // |{0..19} ∪ {10..24} ∪ {25..29}|
    expect(after.followerCount).toBe(1);
    const again = await team.post(`/api/ideas/${dup.id}/merge`, { into: kept.id });
    expect(again.json).toMatchObject({ votesCarried: 0 });
    expect((await getIdea({ tenant, actor: system }, kept.id)).upVotes).toBe(30);
    // The duplicate stays readable, points to the kept idea, and takes no more votes.
    const visitor = client(hostOf(tenant));
    expect((await visitor.get(`/api/ideas/${dup.id}`)).json.idea).toMatchObject({
      status: 'merged',
      mergedInto: kept.id,
    });
    await expect(castVote(asMember(tenant, voters[29]!), { ideaId: dup.id, value: 1 })).rejects.toMatchObject({
      status: 404,
    });
    expect((await team.post(`/api/ideas/${kept.id}/merge`, { into: dup.id })).status).toBe(400);
  });

  it('two opposite merges at once: one wins, the ideas never end up merged into each other', async () => {
    const { tenant, as } = await portalWithRoles();
    const [author] = await people(tenant, 'o', 1);
    const a = await post(tenant, author!, 'Longer opening hours on Sunday');
    const b = await post(tenant, author!, 'Open later on Sundays please');
    const [team, admin] = [await as('team'), await as('admin')];
    const results = await Promise.all([
      team.post(`/api/ideas/${a.id}/merge`, { into: b.id }),
      admin.post(`/api/ideas/${b.id}/merge`, { into: a.id }),
    ]);
    expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    const states = await Promise.all([a.id, b.id].map((id) => getIdea({ tenant, actor: system }, id)));
    expect(states.filter((i) => i.status === 'merged')).toHaveLength(1);
  });

  it('internal notes, scores, tags and assignment stay with the team: no member-facing answer carries them', async () => {
    const { tenant, as, members } = await portalWithRoles();
    const member = await as('member');
    const posted = await member.post('/api/ideas', {
      sectionId: 'product',
      title: 'Night opening on Fridays',
      body: 'Open until midnight on Fridays.',
    });
    const id = posted.json.id;
    const team = await as('team');
    expect((await team.post(`/api/ideas/${id}/notes`, { body: 'SECRET-NOTE: the lease forbids it' })).status).toBe(201);
    expect(
      (await team.call('PUT', `/api/ideas/${id}/scores`, { scores: { impact: 4, cost: 5 } })).json.summary,
    ).toMatchObject({ impact: { average: 4, spread: 0, count: 1 } });
    const admin = await as('admin');
    expect(
      (await admin.call('PUT', `/api/ideas/${id}/scores`, { scores: { impact: 2, cost: 3 } })).json.summary,
    ).toMatchObject({ impact: { average: 3, spread: 1, count: 2 } });
    expect((await team.call('PUT', `/api/ideas/${id}/scores`, { scores: { charm: 4 } })).status).toBe(400);
    expect((await team.call('PUT', `/api/ideas/${id}/assignee`, { memberId: members.team.id })).status).toBe(200);
    expect((await team.call('PUT', `/api/ideas/${id}/assignee`, { memberId: members.member.id })).status).toBe(400);
    expect((await team.call('PUT', `/api/ideas/${id}/tags`, { tags: ['Opening-Hours'] })).json.tags).toEqual([
      'opening-hours',
    ]);
    expect((await team.get('/api/team/queues/assigned')).json.items.map((i: { ideaId: string }) => i.ideaId)).toEqual([
      id,
    ]);
    expect((await team.get(`/api/ideas/${id}/notes`)).json.items[0].body).toContain('SECRET-NOTE');

    const answers = [
      await member.get(`/api/ideas/${id}`),
      await member.get('/api/sections/product/ideas'),
      await member.get('/api/ideas?section=product&sort=new'),
      await member.get('/api/ideas?q=night opening'),
      await member.get('/api/me/export'),
      await client(hostOf(tenant)).get(`/api/ideas/${id}`),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.json);
      expect(text).not.toMatch(/SECRET-NOTE|scoreSummary|assigneeId|"impact"/);
    }
    for (const path of [`/api/ideas/${id}/notes`, `/api/ideas/${id}/scores`, `/api/team/ideas/${id}`])
      expect((await member.get(path)).status).toBe(403);
  });

  it('every team route refuses visitors, members, partners, and the team of another portal', async () => {
    const { tenant, as, members } = await portalWithRoles();
    const other = await portalWithRoles();
    const author = (await people(tenant, 'x', 1))[0]!;
    const idea = await post(tenant, author, 'An idea for the route check');
    const otherIdea = await post(other.tenant, (await people(other.tenant, 'y', 1))[0]!, 'Another portal idea');
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/team/queues/new'],
      ['GET', '/api/team/queues/moderation'],
      ['GET', '/api/team/queues/flagged'],
      ['GET', '/api/team/queues/assigned'],
      ['POST', `/api/team/moderation/idea:${idea.id}`, { decision: 'hide', reason: 'spam spam' }],
      ['POST', `/api/team/members/${members.member.id}/block`, { reason: 'spam spam' }],
      ['POST', `/api/ideas/${idea.id}/status`, { status: 'reviewed' }],
      ['POST', `/api/ideas/${idea.id}/merge`, { into: idea.id }],
      ['PUT', `/api/ideas/${idea.id}/tags`, { tags: ['x'] }],
      ['PUT', `/api/ideas/${idea.id}/assignee`, { memberId: null }],
      ['GET', `/api/ideas/${idea.id}/notes`],
      ['POST', `/api/ideas/${idea.id}/notes`, { body: 'x' }],
      ['GET', `/api/ideas/${idea.id}/scores`],
      ['PUT', `/api/ideas/${idea.id}/scores`, { scores: { impact: 3 } }],
      ['POST', '/api/team/bulk', { ideaIds: [idea.id], action: { type: 'archive' } }],
      ['GET', '/api/team/impact-effort'],
      ['GET', `/api/team/ideas/${idea.id}`],
    ];
    const lower = [await as('member'), await as('partner')];
    const visitor = client(hostOf(tenant));
    const outsider = client(hostOf(tenant));
    outsider.cookie = (await other.as('owner')).cookie;
    for (const [method, path, body] of routes) {
      expect((await visitor.call(method, path, body)).status, `${method} ${path}`).toBe(401);
      expect((await outsider.call(method, path, body)).status, `${method} ${path}`).toBe(401);
      for (const web of lower) expect((await web.call(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    // The other portal's team, on its own host, cannot reach this portal's idea by id.
    const otherTeam = await other.as('team');
    expect((await otherTeam.post(`/api/ideas/${idea.id}/status`, { status: 'reviewed' })).status).toBe(404);
    expect((await otherTeam.post(`/api/ideas/${otherIdea.id}/merge`, { into: idea.id })).status).toBe(404);
    expect((await getIdea({ tenant, actor: system }, idea.id)).status).toBe('new');
  });

  it('moderation queues: approve a held idea, hide a flagged comment, block a spammer (sessions end, held posts hidden)', async () => {
    const { tenant, as } = await portalWithRoles({ moderation: 'before' });
    const [spammer, reader] = await people(tenant, 's', 2);
    const held = await post(tenant, reader!, 'A sincere idea held for review');
    const spam = await post(tenant, spammer!, 'Buy cheap watches now please');
    const team = await as('team');
    const queue = (await team.get('/api/team/queues/moderation')).json.items.map((i: { ideaId: string }) => i.ideaId);
    expect(queue).toEqual(expect.arrayContaining([held.id, spam.id]));
    expect((await team.post(`/api/team/moderation/idea:${held.id}`, { decision: 'reject' })).status).toBe(400); // a reason is required
    expect((await team.post(`/api/team/moderation/idea:${held.id}`, { decision: 'approve' })).json).toMatchObject({
      moderation: null,
    });
    expect((await client(hostOf(tenant)).get(`/api/ideas/${held.id}`)).status).toBe(200);

    const comment = await addComment(asMember(tenant, spammer!), {
      ideaId: held.id,
      body: 'Visit my shop for cheap watches',
    });
    // This portal moderates first: comments too wait for the team, which let this one through.
    expect(comment.moderation).toBe('pending');
    expect((await team.post(`/api/team/moderation/comment:${comment.id}`, { decision: 'approve' })).status).toBe(200);
    await flag(asMember(tenant, reader!), { target: `comment:${comment.id}`, reason: 'spam' });
    const flagged = (await team.get('/api/team/queues/flagged')).json.items;
    expect(flagged).toEqual([expect.objectContaining({ target: `comment:${comment.id}`, flags: 1, reason: 'spam' })]);
    expect(
      (await team.post(`/api/team/moderation/comment:${comment.id}`, { decision: 'hide', reason: 'Advertising' }))
        .status,
    ).toBe(200);
    expect((await team.get('/api/team/queues/flagged')).json.items).toEqual([]);
    const comments = (await client(hostOf(tenant)).get(`/api/ideas/${held.id}`)).json.comments.items;
    expect(comments[0]).toMatchObject({ hidden: true, body: '' });

    expect((await team.post(`/api/team/members/${spammer!.id}/block`, { reason: 'Advertising' })).json).toMatchObject({
      blocked: true,
      hiddenIdeas: 1,
    });
    expect((await team.get('/api/team/queues/moderation')).json.items).toEqual([]);
    expect(
      (await client(hostOf(tenant)).post('/api/auth/signin', { email: 's0@example.test', password: 'whatever it is' }))
        .status,
    ).toBe(401);
    const audit = (await (await as('owner')).get('/api/admin/audit')).json.items.map(
      (e: { action: string }) => e.action,
    );
    expect(audit).toEqual(
      expect.arrayContaining(['moderation.approve', 'moderation.hide', 'member.block', 'moderation.reject']),
    );
  });

  it('bulk actions run in batches, idempotently, and report each idea', async () => {
    const { tenant, as } = await portalWithRoles();
    const [author] = await people(tenant, 'b', 1);
    const ideas = [];
    for (let i = 0; i < 30; i++) ideas.push(await post(tenant, author!, `Bulk idea number ${i + 1}`));
    const team = await as('team');
    const ids = ideas.map((i) => i.id);
    expect((await team.post('/api/team/bulk', { ideaIds: ids, action: { type: 'archive' } })).status).toBe(400); // more than one batch
    for (const batch of [ids.slice(0, 25), ids.slice(25)]) {
      const res = await team.post('/api/team/bulk', { ideaIds: batch, action: { type: 'tag', tag: 'Summer' } });
      expect(res.json.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    }
    await team.post('/api/team/bulk', { ideaIds: ids.slice(0, 5), action: { type: 'tag', tag: 'summer' } });
    for (const id of ids) expect((await getIdea({ tenant, actor: system }, id)).tags).toEqual(['summer']);
    const archived = await team.post('/api/team/bulk', {
      ideaIds: [...ids.slice(0, 2), '00000000000000000000'],
      action: { type: 'archive' },
    });
    expect(archived.json.results).toEqual([
      { ideaId: ids[0], ok: true },
      { ideaId: ids[1], ok: true },
      { ideaId: '00000000000000000000', ok: false, error: 'idea_not_found' },
    ]);
  });
});
