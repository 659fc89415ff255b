import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ideas as storedIdeas, votes } from '../../functions/core/db/index.js';
import { deleteIdea, listIdeasBySection, submitIdea, type Idea } from '../../functions/core/idea/index.js';
import { deleteMe } from '../../functions/core/identity/index.js';
import type { Member } from '../../functions/core/member/index.js';
import { mergeIdea } from '../../functions/core/team/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { client } from '../support/http.js';
import { signUpByMail } from '../support/signup.js';
import { asMember, asVisitor, hostOf, makeMembers, makeTenant } from '../support/tenants.js';

const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000);

async function postIdeas(tenant: Tenant, author: Member, count: number, at = new Date()): Promise<Idea[]> {
  const posted: Idea[] = [];
  // An author posts at most 60 a minute: each batch of 50 a minute later.
  for (let i = 0; i < count; i++) {
    posted.push(
      await submitIdea(asMember(tenant, author, minutes(Math.floor(i / 50), at)), {
        sectionId: 'product',
        title: `Idea number ${i}`,
        body: 'One of many, to be voted on.',
      }),
    );
  }
  return posted;
}

/** What votes move on an idea: its counts and the two scores its lists sort on. */
async function tallies(tenant: Tenant, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const item = await storedIdeas.get([tenant.id, id], { consistent: true });
      return { id, up: item?.upVotes, down: item?.downVotes, top: item?.topScore, trend: item?.trendScore };
    }),
  );
}

const order = async (tenant: Tenant, sort: 'top' | 'trending') =>
  (await listIdeasBySection(asVisitor(tenant), { sectionId: 'product', sort, limit: 50 })).items.map((i) => i.id);

/** One person, one vote: an account that goes takes its votes with it, so deleting and signing up again adds none. */
describe('a deleted account withdraws its votes', () => {
  it('up and down votes, on published, merged and deleted ideas: every count, score and list order as before', async () => {
    const tenant = await makeTenant({ votingMode: 'updown' });
    const [author, leaver, ...others] = await makeMembers(tenant, 7);
    const ids = (await postIdeas(tenant, author!, 6)).map((i) => i.id);
    // Standings without the leaver, no two alike; nobody else votes on ids[3], the duplicate merged below.
    const standing: [idea: number, voters: number[], against: number[]][] = [
      [0, [0, 1], [4]],
      [1, [0, 1], []],
      [2, [0, 1, 2], []],
      [4, [0, 1, 2, 3], []],
      [5, [0], [4]],
    ];
    for (const [idea, up, down] of standing) {
      for (const o of up) await castVote(asMember(tenant, others[o]!), { ideaId: ids[idea]!, value: 1 });
      for (const o of down) await castVote(asMember(tenant, others[o]!), { ideaId: ids[idea]!, value: -1 });
    }
    const before = await tallies(tenant, ids);
    const orderBefore = { top: await order(tenant, 'top'), trending: await order(tenant, 'trending') };

    const leaving = asMember(tenant, leaver!);
    await castVote(leaving, { ideaId: ids[0]!, value: 1 });
    await castVote(leaving, { ideaId: ids[1]!, value: -1 });
    await castVote(leaving, { ideaId: ids[4]!, value: -1 });
    await castVote(leaving, { ideaId: ids[3]!, value: 1 }); // on the duplicate, merged below into ids[2]
    await castVote(leaving, { ideaId: ids[5]!, value: -1 }); // on an idea its author deletes below
    const team = { tenant, actor: { kind: 'member' as const, memberId: author!.id, role: 'team' as const } };
    await mergeIdea(team, ids[3]!, { into: ids[2]! });
    await deleteIdea(asMember(tenant, author!), ids[5]!);
    // The merge carried the vote: it counts on the duplicate's item and on the kept idea.
    const during = await tallies(tenant, ids);
    expect(during.map((t, i) => t.top! - before[i]!.top!)).toEqual([1, -1, 1, 1, -1, -1]);

    await deleteMe(leaving);
    // Exactly as if the leaver had never voted: counts and both scores of every idea, the duplicate and the deleted one included.
    expect(await tallies(tenant, ids)).toEqual(before);
    const listed = (list: string[]) => list.filter((id) => id !== ids[3] && id !== ids[5]);
    expect(await order(tenant, 'top')).toEqual(listed(orderBefore.top));
    expect(await order(tenant, 'trending')).toEqual(listed(orderBefore.trending));
    for (const id of ids) expect(await votes.get([tenant.id, id, leaver!.id], { consistent: true })).toBeUndefined();
    // The others' votes are untouched.
    expect(await votes.get([tenant.id, ids[0]!, others[4]!.id], { consistent: true })).toMatchObject({ value: -1 });
  }, 60_000);

  it('a member with 120 votes, more than a transaction holds, whose write budget is spent: every count exact', async () => {
    const tenant = await makeTenant();
    const [author, leaver, steady] = await makeMembers(tenant, 3);
    const now = new Date();
    const ids = (await postIdeas(tenant, author!, 120, minutes(-10, now))).map((i) => i.id);
    for (const [i, id] of ids.entries())
      if (i % 2 === 0)
        await castVote(asMember(tenant, steady!, minutes(-8 + Math.floor(i / 40), now)), { ideaId: id, value: 1 });
    const before = await tallies(tenant, ids);
    // The first 60 a few minutes ago, the last 60 now: the leaver's budget of 60 writes a minute is spent.
    for (const [i, id] of ids.entries())
      await castVote(asMember(tenant, leaver!, i < 60 ? minutes(-5, now) : now), { ideaId: id, value: 1 });
    await expect(castVote(asMember(tenant, leaver!, now), { ideaId: ids[1]!, value: 0 })).rejects.toMatchObject({
      status: 429,
    });
    expect((await tallies(tenant, ids)).map((t) => t.up)).toEqual(before.map((t) => t.up! + 1));
    // Withdrawing the votes of a deleted account is not the member voting: no limit holds it back.
    await deleteMe(asMember(tenant, leaver!, now));
    expect(await tallies(tenant, ids)).toEqual(before);
    for (const id of ids) expect(await votes.get([tenant.id, id, leaver!.id], { consistent: true })).toBeUndefined();
  }, 120_000);

  it('a vote cast while the account is being deleted is refused or withdrawn, never left counting', async () => {
    const tenant = await makeTenant();
    const [author, leaver] = await makeMembers(tenant, 2);
    const ids = (await postIdeas(tenant, author!, 20)).map((i) => i.id);
    const ctx = asMember(tenant, leaver!);
    const [deleted, ...cast] = await Promise.allSettled([
      deleteMe(ctx),
      ...ids.map((ideaId) => castVote(ctx, { ideaId, value: 1 })),
    ]);
    expect(deleted.status).toBe('fulfilled');
    for (const vote of cast)
      if (vote.status === 'rejected') expect((vote as PromiseRejectedResult).reason).toMatchObject({ status: 401 });
    expect((await tallies(tenant, ids)).map((t) => t.up)).toEqual(ids.map(() => 0));
  }, 60_000);

  it('sign up, verify, vote, delete, again and again: the idea gains nothing', async () => {
    const tenant = await makeTenant();
    const [author] = await makeMembers(tenant, 1);
    const [target] = await postIdeas(tenant, author!, 1);
    const email = `stuffer-${randomBytes(4).toString('hex')}@example.test`;
    const password = 'a long enough secret phrase';
    const upVotes = async () => (await storedIdeas.get([tenant.id, target!.id], { consistent: true }))!.upVotes;
    for (let round = 0; round < 3; round++) {
      const web = client(hostOf(tenant));
      // The account is made, confirmed and signed in from the e-mailed link.
      expect((await signUpByMail(web, { email, password, displayName: 'Stuffer' })).status).toBe(201);
      expect((await web.post('/api/auth/signin', { email, password })).status).toBe(200);
      expect((await web.call('PUT', `/api/ideas/${target!.id}/vote`, { value: 1 })).status).toBe(200);
      expect(await upVotes()).toBe(1);
      expect((await web.del('/api/me')).status).toBe(200);
      expect(await upVotes()).toBe(0);
    }
    expect((await storedIdeas.get([tenant.id, target!.id]))!.topScore).toBe(0);
  }, 120_000);
});
