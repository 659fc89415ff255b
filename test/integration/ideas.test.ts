import { describe, expect, it } from 'vitest';
import { addComment, listComments } from '../../functions/core/comment/index.js';
import { getIdea, listIdeasBySection, submitIdea } from '../../functions/core/idea/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';

const idea = (title: string) => ({ sectionId: 'product', title, body: 'A body long enough to be a real idea.' });

describe('ideas on DynamoDB Local', () => {
  it('lists a section by top and by new, paging with signed cursors', async () => {
    const tenant = await makeTenant();
    const [author, ...voters] = await makeMembers(tenant, 4);
    const day = (d: number) => new Date(Date.UTC(2026, 9, d));
    const a = await submitIdea(asMember(tenant, author!, day(1)), idea('Oldest but most voted'));
    const b = await submitIdea(asMember(tenant, author!, day(2)), idea('Middle with one vote'));
    const c = await submitIdea(asMember(tenant, author!, day(3)), idea('Newest with no vote'));
    for (const voter of voters) await castVote(asMember(tenant, voter), { ideaId: a.id, value: 1 });
    await castVote(asMember(tenant, voters[0]!), { ideaId: b.id, value: 1 });

    const top = await listIdeasBySection(asVisitor(tenant), { sectionId: 'product', sort: 'top' });
    expect(top.items.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(top.items[0]!.upVotes).toBe(3);

    const first = await listIdeasBySection(asVisitor(tenant), { sectionId: 'product', sort: 'new', limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([c.id, b.id]);
    expect(first.cursor).toBeTruthy();
    const second = await listIdeasBySection(asVisitor(tenant), {
      sectionId: 'product',
      sort: 'new',
      limit: 2,
      cursor: first.cursor!,
    });
    expect(second.items.map((i) => i.id)).toEqual([a.id]);
  });

  it('rejects a cursor replayed on another sort, and an unknown section', async () => {
    const tenant = await makeTenant();
    const [author] = await makeMembers(tenant, 1);
    for (const n of [1, 2]) await submitIdea(asMember(tenant, author!), idea(`Idea number ${n}`));
    const page = await listIdeasBySection(asVisitor(tenant), { sectionId: 'product', sort: 'new', limit: 1 });
    await expect(
      listIdeasBySection(asVisitor(tenant), { sectionId: 'product', sort: 'top', cursor: page.cursor! }),
    ).rejects.toMatchObject({
      code: 'invalid_cursor',
      status: 400,
    });
    await expect(listIdeasBySection(asVisitor(tenant), { sectionId: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('counts votes exactly under concurrency: many members at once, one member many times', async () => {
    const tenant = await makeTenant();
    const members = await makeMembers(tenant, 25);
    const target = await submitIdea(asMember(tenant, members[0]!), idea('Everybody votes for this'));
    await Promise.all(members.map((m) => castVote(asMember(tenant, m), { ideaId: target.id, value: 1 })));
    // The same member repeats the same vote concurrently: still one vote.
    await Promise.all(
      Array.from({ length: 8 }, () => castVote(asMember(tenant, members[1]!), { ideaId: target.id, value: 1 })),
    );
    let read = await getIdea(asVisitor(tenant), target.id);
    expect(read.upVotes).toBe(25);

    await castVote(asMember(tenant, members[2]!), { ideaId: target.id, value: 0 });
    read = await getIdea(asVisitor(tenant), target.id);
    expect(read.upVotes).toBe(24);
    const top = await listIdeasBySection(asVisitor(tenant), { sectionId: 'product' });
    expect(top.items[0]).toMatchObject({ id: target.id, upVotes: 24 });
  });

  it('refuses down-votes where the portal takes up-votes only, and accepts them where allowed', async () => {
    const upOnly = await makeTenant();
    const [m1] = await makeMembers(upOnly, 1);
    const i1 = await submitIdea(asMember(upOnly, m1!), idea('Only up votes here'));
    await expect(castVote(asMember(upOnly, m1!), { ideaId: i1.id, value: -1 })).rejects.toMatchObject({
      code: 'downvotes_disabled',
    });

    const upDown = await makeTenant({ votingMode: 'updown' });
    const [m2, m3] = await makeMembers(upDown, 2);
    const i2 = await submitIdea(asMember(upDown, m2!), idea('Up and down votes'));
    await castVote(asMember(upDown, m3!), { ideaId: i2.id, value: -1 });
    await castVote(asMember(upDown, m2!), { ideaId: i2.id, value: 1 });
    await castVote(asMember(upDown, m3!), { ideaId: i2.id, value: 1 });
    expect(await getIdea(asVisitor(upDown), i2.id)).toMatchObject({ upVotes: 2, downVotes: 0 });
  });

  it('keeps comments in order and the comment count exact; a comment on a missing idea writes nothing', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const target = await submitIdea(asMember(tenant, m!), idea('An idea to discuss'));
    for (const n of [1, 2, 3]) {
      await addComment(asMember(tenant, m!, new Date(Date.UTC(2026, 10, n))), {
        ideaId: target.id,
        body: `Comment ${n}`,
      });
    }
    const comments = await listComments(asVisitor(tenant), { ideaId: target.id });
    expect(comments.items.map((c) => c.body)).toEqual(['Comment 1', 'Comment 2', 'Comment 3']);
    expect((await getIdea(asVisitor(tenant), target.id)).commentCount).toBe(3);

    // Comments arriving together on one idea: each transaction touches the idea item; none is lost.
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => addComment(asMember(tenant, m!), { ideaId: target.id, body: `Burst ${n}` })),
    );
    expect((await getIdea(asVisitor(tenant), target.id)).commentCount).toBe(23);
    expect((await listComments(asVisitor(tenant), { ideaId: target.id, limit: 100 })).items).toHaveLength(23);

    const ghost = '0000000000aaaaaaaaaa';
    await expect(addComment(asMember(tenant, m!), { ideaId: ghost, body: 'Into the void' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(listComments(asVisitor(tenant), { ideaId: ghost })).rejects.toMatchObject({ status: 404 });
  });

  it('validates input with clear field errors and writes nothing for bad input', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    await expect(
      submitIdea(asMember(tenant, m!), { sectionId: 'product', title: 'short', body: 'tiny' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { title: expect.any(String), body: expect.any(String) },
    });
    await expect(
      submitIdea(asMember(tenant, m!), { ...idea('A good title here'), categoryId: 'not-a-category' }),
    ).rejects.toMatchObject({ fields: { categoryId: expect.any(String) } });
    await expect(submitIdea(asVisitor(tenant), idea('Visitors cannot post'))).rejects.toMatchObject({ status: 401 });
    expect((await listIdeasBySection(asVisitor(tenant), { sectionId: 'product' })).items).toEqual([]);
  });
});
