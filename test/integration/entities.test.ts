import { describe, expect, it } from 'vitest';
import { entityTypeOf, flagTargets, follows, ideas, offers, votes } from '../../functions/core/db/index.js';
import { flag } from '../../functions/core/flag/index.js';
import { setFollow } from '../../functions/core/follow/index.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { asMember, makeMembers, makeTenant } from '../support/tenants.js';

describe('entities', () => {
  it('write their type on every item, their index attributes from their own fields, and read back by access pattern', async () => {
    const tenant = await makeTenant();
    const [author, voter] = await makeMembers(tenant, 2);
    const idea = await submitIdea(asMember(tenant, author!), {
      sectionId: 'product',
      title: 'Refill stations in every shop',
      body: 'Bring your own bottle and fill it with filtered water.',
    });
    await castVote(asMember(tenant, voter!), { ideaId: idea.id, value: 1 });
    await setFollow(asMember(tenant, voter!), idea.id, true);

    const vote = await votes.get([tenant.id, idea.id, voter!.id], { consistent: true });
    expect(vote).toMatchObject({ type: 'vote', value: 1, memberId: voter!.id, ideaId: idea.id });
    expect(vote?.ownerKey).toContain(voter!.id);
    expect(votes.is(vote) && entityTypeOf(vote)).toBe('vote');
    expect(follows.is(vote)).toBe(false);
    expect(await votes.votersOf(tenant.id, idea.id)).toEqual([voter!.id]);

    const follow = await follows.get([tenant.id, idea.id, voter!.id], { consistent: true });
    expect(follow).toMatchObject({ type: 'follow', memberId: voter!.id });
    expect(await follows.followersOf(tenant.id, idea.id)).toEqual([voter!.id]);

    await castVote(asMember(tenant, voter!), { ideaId: idea.id, value: 0 });
    expect(await votes.get([tenant.id, idea.id, voter!.id], { consistent: true })).toBeUndefined();
  });

  it('write their type also when an update creates the item, and place an idea in its lists by its state', async () => {
    const tenant = await makeTenant();
    const [author, flagger] = await makeMembers(tenant, 2);
    const idea = await submitIdea(asMember(tenant, author!), {
      sectionId: 'product',
      title: 'Oat milk at no extra cost',
      body: 'Every plant milk at the price of the dairy one, in every shop.',
    });
    // The flag target is created by an ADD on a missing item: the update writes its type.
    await flag(asMember(tenant, flagger!), { target: `idea:${idea.id}`, reason: 'spam' });
    const target = await flagTargets.get([tenant.id, `idea:${idea.id}`], { consistent: true });
    expect(target).toMatchObject({ type: 'flagTarget', flags: 1 });

    const stored = await ideas.get([tenant.id, idea.id], { consistent: true });
    expect(stored).toMatchObject({ type: 'idea', topScore: 0, listKey: expect.stringContaining('new') });
    expect(stored?.sectionKey).toContain('product');
    expect(stored?.ownerKey).toContain(author!.id);
    const { items } = await ideas.withStatus(tenant.id, 'new');
    expect(items.map((i) => i.id)).toEqual([idea.id]);
    expect(offers.is(stored)).toBe(false);
  });
});
