import { describe, expect, it } from 'vitest';
import { deleteIdea, editIdea, submitIdea } from '../../functions/core/idea/index.js';
import { dropSearchIndexes, freshIndex, searchIdeas, similarIdeas } from '../../functions/core/idea/search.js';
import { saveSearchSnapshot } from '../../functions/core/idea/search-snapshot.js';
import { asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';

describe('search and similar ideas', () => {
  it('finds words with accents folded and stems, sees its own writes at once, and stays inside the portal', async () => {
    const tenant = await makeTenant({ defaultLang: 'fr', languages: ['fr', 'en'] });
    const other = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const [o] = await makeMembers(other, 1);
    const cups = await submitIdea(asMember(tenant, m!), {
      sectionId: 'product',
      title: 'Des gobelets consignés partout',
      body: 'Un gobelet réutilisable rendu dans n’importe quelle boutique.',
    });
    const hours = await submitIdea(asMember(tenant, m!), {
      sectionId: 'experience',
      title: 'Ouvrir plus tôt le matin',
      body: 'Les boutiques ouvrent trop tard pour les travailleurs.',
    });
    await submitIdea(asMember(other, o!), {
      sectionId: 'product',
      title: 'Gobelets for everyone elsewhere',
      body: 'This belongs to another portal entirely.',
    });

    expect((await searchIdeas(asVisitor(tenant), { q: 'GOBELET consigne' })).map((h) => h.id)).toEqual([cups.id]);
    expect((await searchIdeas(asVisitor(tenant), { q: 'matin' })).map((h) => h.id)).toEqual([hours.id]);
    expect(await searchIdeas(asVisitor(tenant), { q: 'gobelets', sectionId: 'experience' })).toEqual([]);
    expect((await similarIdeas(asVisitor(tenant), { title: 'gobelet réutilisable' })).map((h) => h.id)).toContain(
      cups.id,
    );

    await editIdea(asMember(tenant, m!), hours.id, { title: 'Ouvrir plus tôt le dimanche' });
    expect((await searchIdeas(asVisitor(tenant), { q: 'dimanche' })).map((h) => h.id)).toEqual([hours.id]);
    await deleteIdea(asMember(tenant, m!), cups.id);
    expect(await searchIdeas(asVisitor(tenant), { q: 'gobelets' })).toEqual([]);

    dropSearchIndexes(); // a cold process rebuilds the same index from the log
    expect((await searchIdeas(asVisitor(tenant), { q: 'dimanche' })).map((h) => h.id)).toEqual([hours.id]);
    await expect(searchIdeas(asVisitor(tenant), { q: 'x' })).rejects.toMatchObject({ status: 400 });
  });

  it('starts a cold instance from the S3 snapshot, then applies only the log written after it', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const before = await submitIdea(asMember(tenant, m!), {
      sectionId: 'product',
      title: 'Solar panels on the roof',
      body: 'Written before the snapshot.',
    });
    const saved = await saveSearchSnapshot(tenant.id);
    expect(saved.bytes).toBeGreaterThan(100);
    const after = await submitIdea(asMember(tenant, m!), {
      sectionId: 'product',
      title: 'Solar chargers for phones',
      body: 'Written after the snapshot.',
    });
    dropSearchIndexes();
    const index = await freshIndex(tenant.id);
    expect(index.lastSk > saved.lastSk).toBe(true);
    expect((await searchIdeas(asVisitor(tenant), { q: 'solar' })).map((h) => h.id).sort()).toEqual(
      [before.id, after.id].sort(),
    );
  });
});
