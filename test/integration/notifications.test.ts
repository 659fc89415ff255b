import { describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addComment } from '../../functions/core/comment/index.js';
import { db, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import { setFollow } from '../../functions/core/follow/index.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { listNotifications, markRead, unreadCount } from '../../functions/core/notify/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { readOutbox } from '../../functions/local/outbox.js';
import { eventually } from '../support/wait.js';
import { asMember, makeMembers, makeTenant } from '../support/tenants.js';

/** The fan-out runs from the table's stream (the poller started by the global setup), off the request path. */
describe('notifications', () => {
  it('tells the author of a comment, the parent author of a reply, and everyone concerned by a status change', async () => {
    const tenant = await makeTenant();
    const [author, commenter, voter, follower] = await makeMembers(tenant, 4);
    const idea = await submitIdea(asMember(tenant, author!), {
      sectionId: 'product',
      title: 'Notify me about this',
      body: 'Tell me when people react to it.',
    });
    const comment = await addComment(asMember(tenant, commenter!), { ideaId: idea.id, body: 'Good idea!' });
    const forAuthor = await eventually(async () =>
      (await listNotifications(asMember(tenant, author!))).items.find((n) => n.kind === 'comment'),
    );
    expect(forAuthor).toMatchObject({
      ideaId: idea.id,
      ideaTitle: 'Notify me about this',
      actorName: commenter!.displayName,
      read: false,
    });

    await addComment(asMember(tenant, author!), { ideaId: idea.id, body: 'Thanks!', parentId: comment.id });
    await eventually(async () =>
      (await listNotifications(asMember(tenant, commenter!))).items.find((n) => n.kind === 'reply'),
    );

    await castVote(asMember(tenant, voter!), { ideaId: idea.id, value: 1 });
    await setFollow(asMember(tenant, follower!), idea.id, true);
    // The status change itself arrives with the team workspace; the fan-out reacts to the item changing.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.idea(tenant.id, idea.id),
        UpdateExpression: 'SET #s = :s, updatedAt = :at',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'launched', ':at': new Date().toISOString() },
      }),
    );
    for (const member of [author!, voter!, follower!]) {
      await eventually(async () =>
        (await listNotifications(asMember(tenant, member))).items.find(
          (n) => n.kind === 'status' && n.status === 'launched',
        ),
      );
    }
    const mails = await eventually(async () => {
      const sent = (await readOutbox()).filter((m) => m.tenant === tenant.slug && m.template === 'status');
      return sent.length === 3 ? sent : undefined;
    });
    expect(mails.map((m) => m.to).sort()).toEqual([author!, voter!, follower!].map((m) => m.email).sort());
    expect(mails[0]!.link).toBe(`http://${tenant.slug}.localhost/ideas/${idea.id}`);

    expect(await unreadCount(asMember(tenant, author!))).toBe(2);
    expect(await markRead(asMember(tenant, author!), {})).toBe(2);
    expect(await unreadCount(asMember(tenant, author!))).toBe(0);
    expect((await listNotifications(asMember(tenant, author!))).items.every((n) => n.read)).toBe(true);
  });
});
