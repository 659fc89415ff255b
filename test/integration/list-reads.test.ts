import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { system } from '../../functions/core/context.js';
import { db } from '../../functions/core/db/client.js';
import { deleteIdea, ideaSummaries, submitIdea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import {
  addToPartnerAsSystem,
  createOffer,
  createPartner,
  publishOffer,
  searchOffers,
  updatePartner,
} from '../../functions/core/offer/index.js';
import { mergeIdea } from '../../functions/core/team/index.js';
import { castVote, myVotes } from '../../functions/core/vote/index.js';
import { OFFER, readyUpload } from '../security/world.js';
import { actingAs, asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';

/** Counts the BatchGets sent while `run` runs (the real client still sends them). */
async function batchGetsDuring<T>(run: () => Promise<T>): Promise<{ result: T; batchGets: number }> {
  const send = vi.spyOn(db(), 'send');
  try {
    const result = await run();
    const batchGets = send.mock.calls.filter(([command]) => command instanceof BatchGetCommand).length;
    return { result, batchGets };
  } finally {
    send.mockRestore();
  }
}

const idea = (n: number) => ({
  sectionId: 'product',
  title: `An idea for the list ${n}`,
  body: 'Words enough to be an idea of its own.',
});

afterEach(() => vi.restoreAllMocks());

describe('what a list of ideas reads beside its page', () => {
  it("myVotes: the member's own votes on the ideas listed, in one BatchGet; no one else's, nothing for a visitor", async () => {
    const tenant = await makeTenant({ votingMode: 'updown' });
    const [author, voter, other] = await makeMembers(tenant, 3);
    const ideas = [];
    for (let n = 0; n < 30; n++) ideas.push(await submitIdea(asMember(tenant, author!), idea(n)));
    await castVote(asMember(tenant, voter!), { ideaId: ideas[0]!.id, value: 1 });
    await castVote(asMember(tenant, voter!), { ideaId: ideas[7]!.id, value: -1 });
    await castVote(asMember(tenant, voter!), { ideaId: ideas[29]!.id, value: 1 });
    await castVote(asMember(tenant, voter!), { ideaId: ideas[29]!.id, value: 0 });
    await castVote(asMember(tenant, other!), { ideaId: ideas[3]!.id, value: 1 });

    const ids = ideas.map((i) => i.id);
    const { result, batchGets } = await batchGetsDuring(() => myVotes(asMember(tenant, voter!), ids));
    expect(result).toEqual({ [ideas[0]!.id]: 1, [ideas[7]!.id]: -1 });
    expect(batchGets).toBe(1);
    expect(await myVotes(asMember(tenant, other!), ids)).toEqual({ [ideas[3]!.id]: 1 });
    expect(await myVotes(asVisitor(tenant), ids)).toEqual({});
    expect(await myVotes(asMember(tenant, voter!), [])).toEqual({});

    // The same member id on another portal finds nothing of this one: the keys start with the tenant.
    const elsewhere = await makeTenant();
    expect(await myVotes(asMember(elsewhere, voter!), ids)).toEqual({});
    // An id that is not one is refused, not looked up.
    await expect(myVotes(asMember(tenant, voter!), ['../x'])).rejects.toMatchObject({ status: 400 });
  });

  it('ideaSummaries: search hits as list cards, in the order asked, only ideas a list shows, with their first image', async () => {
    const tenant = await makeTenant({ blockedWords: ['grumpy'] });
    const [author] = await makeMembers(tenant, 1);
    const team = await createMember(
      { tenant, actor: system },
      { email: 'team@example.test', displayName: 'Team', lang: 'en', role: 'team' },
    );
    const ctx = asMember(tenant, author!);
    const picture = await readyUpload(ctx, 'png');
    const sheet = await readyUpload(ctx, 'pdf');
    const withPicture = await submitIdea(ctx, { ...idea(1), attachmentIds: [sheet, picture] });
    const plain = await submitIdea(ctx, idea(2));
    const deleted = await submitIdea(ctx, idea(3));
    await deleteIdea(ctx, deleted.id);
    const merged = await submitIdea(ctx, idea(4));
    await mergeIdea(actingAs(tenant, team), merged.id, { into: plain.id });
    const held = await submitIdea(ctx, { ...idea(5), body: 'A grumpy idea that waits for the team.' });
    expect(held.moderation).toBe('pending');

    const asked = [plain.id, deleted.id, withPicture.id, merged.id, held.id];
    const { result, batchGets } = await batchGetsDuring(() => ideaSummaries(asVisitor(tenant), asked));
    expect(batchGets).toBe(1);
    expect(result.map((s) => s.id)).toEqual([plain.id, withPicture.id]);
    expect(result[1]).toMatchObject({ title: withPicture.title, image: picture, upVotes: 0, commentCount: 0 });
    expect(result[0]!.image).toBeUndefined();
    expect(await ideaSummaries(asVisitor(tenant), [])).toEqual([]);
  });

  it("searchOffers: each card carries its partner's logo when it has one, read in one more BatchGet", async () => {
    const tenant = await makeTenant();
    const partnerPerson = await createMember(
      { tenant, actor: system },
      { email: 'partner@example.test', displayName: 'Partner', lang: 'en', role: 'partner' },
    );
    const [withLogo, without] = await Promise.all(
      ['Volta Cells', 'Plain Works'].map((name) =>
        createPartner({ tenant, actor: system }, { name, country: 'DE', description: `${name}, a partner.` }),
      ),
    );
    for (const org of [withLogo!, without!])
      await addToPartnerAsSystem({ tenant, actor: system }, org.id, partnerPerson);
    const ctx = actingAs(tenant, partnerPerson);
    const logo = await readyUpload(ctx, 'png');
    await updatePartner(ctx, withLogo!.id, { logoId: logo });
    for (const org of [withLogo!, without!]) {
      const draft = await createOffer(ctx, { ...OFFER, title: `${OFFER.title} by ${org.name}`, partnerId: org.id });
      await publishOffer(ctx, draft.id);
    }
    const reader = asVisitor(tenant);
    const { result, batchGets } = await batchGetsDuring(() => searchOffers(reader, {}));
    expect(batchGets).toBe(2);
    const byPartner = Object.fromEntries(result.items.map((o) => [o.partnerId, o.partnerLogo]));
    expect(byPartner).toEqual({ [withLogo!.id]: logo, [without!.id]: undefined });
  });
});
