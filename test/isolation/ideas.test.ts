import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { addComment } from '../../functions/core/comment/index.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMemberWithPassword } from '../support/members.js';
import { createUpload } from '../../functions/core/upload/index.js';
import { client } from '../support/http.js';
import { asMember, hostOf, makeMembers, makeTenant } from '../support/tenants.js';

const PASSWORD = 'a long enough secret phrase';

/** Every idea route, tried by a signed-in member of portal B with portal A's ids: nothing found, nothing changed. */
describe('idea routes across portals', () => {
  it('answers 404 (or 400 for a foreign cursor) and leaves A untouched', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const [author] = await makeMembers(a, 1);
    const idea = await submitIdea(asMember(a, author!), {
      sectionId: 'product',
      title: 'Secret of portal A',
      body: 'Nobody on portal B may see this.',
    });
    const comment = await addComment(asMember(a, author!), { ideaId: idea.id, body: 'Private remark of A' });
    const upload = await createUpload(asMember(a, author!), { filename: 'a.png', contentType: 'image/png', size: 10 });

    await createMemberWithPassword(
      { tenant: b, actor: system },
      { email: 'intruder@example.test', displayName: 'Intruder', lang: 'en', password: PASSWORD },
    );
    const intruder = client(hostOf(b));
    await intruder.post('/api/auth/signin', { email: 'intruder@example.test', password: PASSWORD });

    const attempts = [
      intruder.get(`/api/ideas/${idea.id}`),
      intruder.patch(`/api/ideas/${idea.id}`, { title: 'Taken over by B' }),
      intruder.del(`/api/ideas/${idea.id}`),
      intruder.call('PUT', `/api/ideas/${idea.id}/vote`, { value: 1 }),
      intruder.del(`/api/ideas/${idea.id}/vote`),
      intruder.get(`/api/ideas/${idea.id}/comments`),
      intruder.post(`/api/ideas/${idea.id}/comments`, { body: 'Hello from B' }),
      intruder.post(`/api/ideas/${idea.id}/comments`, { body: 'Reply from B', parentId: comment.id }),
      intruder.patch(`/api/comments/${comment.id}`, { body: 'Edited by B' }),
      intruder.del(`/api/comments/${comment.id}`),
      intruder.call('PUT', `/api/ideas/${idea.id}/follow`),
      intruder.post('/api/flags', { target: `idea:${idea.id}`, reason: 'spam' }),
      intruder.post('/api/flags', { target: `comment:${comment.id}`, reason: 'spam' }),
      intruder.post(`/api/uploads/${upload.id}/finalize`),
      intruder.post('/api/ideas', {
        sectionId: 'product',
        title: 'Stealing an upload',
        body: 'Attaching the upload of portal A.',
        attachmentIds: [upload.id],
      }),
    ];
    const results = await Promise.all(attempts);
    for (const [i, res] of results.entries()) {
      expect([400, 404], `attempt ${i}: ${JSON.stringify(res.json)}`).toContain(res.status);
      expect(JSON.stringify(res.json)).not.toContain('Secret of portal A');
    }

    const owner = client(hostOf(a));
    const fromA = (await owner.get(`/api/ideas/${idea.id}`)).json;
    expect(fromA.idea).toMatchObject({ title: 'Secret of portal A', upVotes: 0, commentCount: 1, followerCount: 0 });
    expect(fromA.comments.items.map((c: { body: string }) => c.body)).toEqual(['Private remark of A']);
    expect((await intruder.get(`/api/ideas?q=secret`)).json.items).toEqual([]);
    expect((await intruder.get(`/api/ideas/similar?title=Secret of portal`)).json.items).toEqual([]);
  });
});
