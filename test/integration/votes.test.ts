import { describe, expect, it } from 'vitest';
import { getIdea, submitIdea } from '../../functions/core/idea/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';

describe('votes under concurrency', () => {
  it('200 members voting at once count exactly 200; one member voting 50 times at once counts 1', async () => {
    const tenant = await makeTenant();
    const members = await makeMembers(tenant, 201);
    const idea = await submitIdea(asMember(tenant, members[0]!), {
      sectionId: 'product',
      title: 'A hot idea for all',
      body: 'Everyone votes at the same moment.',
    });
    await Promise.all(members.slice(1).map((m) => castVote(asMember(tenant, m), { ideaId: idea.id, value: 1 })));
    expect((await getIdea(asVisitor(tenant), idea.id)).upVotes).toBe(200);

    const other = await submitIdea(asMember(tenant, members[0]!), {
      sectionId: 'product',
      title: 'One eager voter',
      body: 'Someone clicks fifty times.',
    });
    await Promise.all(
      Array.from({ length: 50 }, () => castVote(asMember(tenant, members[1]!), { ideaId: other.id, value: 1 })),
    );
    expect((await getIdea(asVisitor(tenant), other.id)).upVotes).toBe(1);
  }, 120_000);

  it('limits one member to 60 vote changes a minute, counted in the vote transaction itself', async () => {
    const tenant = await makeTenant();
    const [author, voter] = await makeMembers(tenant, 2);
    const idea = await submitIdea(asMember(tenant, author!), {
      sectionId: 'product',
      title: 'Toggle me a lot',
      body: 'Someone keeps changing their mind.',
    });
    const now = new Date();
    for (let i = 0; i < 60; i++)
      await castVote(asMember(tenant, voter!, now), { ideaId: idea.id, value: i % 2 ? 0 : 1 });
    await expect(castVote(asMember(tenant, voter!, now), { ideaId: idea.id, value: 1 })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
    expect((await getIdea(asVisitor(tenant), idea.id)).upVotes).toBe(0);
    const nextMinute = new Date(now.getTime() + 61_000);
    await castVote(asMember(tenant, voter!, nextMinute), { ideaId: idea.id, value: 1 });
    expect((await getIdea(asVisitor(tenant), idea.id)).upVotes).toBe(1);
  });
});
