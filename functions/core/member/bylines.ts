import { comments, ideas, keyParts, ownedByMember } from '../db/index.js';
import type { Change } from '../stream/index.js';

/*
 * What a member wrote shows their name and face as they are now: ideas and comments carry both
 * (so a list is one query), and when either changes on the account the stream writes them again
 * on each item the member owns (found on the owner index). A deleted member's items were
 * unsigned (identity/profile.ts deleteMe) and are left alone.
 */

const bylineOf = (image: Record<string, unknown> | undefined) => ({
  name: typeof image?.displayName === 'string' ? image.displayName : undefined,
  photo: typeof image?.photo === 'string' ? image.photo : undefined,
});

/** Writes the member's current name and face on everything they wrote, when either changed. */
export async function restampBylines(changes: Change[]): Promise<void> {
  for (const { kind, newImage, oldImage } of changes) {
    if (kind !== 'MODIFY') continue;
    const [now, before] = [bylineOf(newImage), bylineOf(oldImage)];
    if (!now.name || (now.name === before.name && now.photo === before.photo)) continue;
    const tenantId = keyParts.tenantOf(String(newImage?.pk));
    const memberId = String(newImage?.id);
    if (!tenantId) continue;
    const update = {
      UpdateExpression: now.photo
        ? 'SET authorName = :name, authorPhoto = :photo'
        : 'SET authorName = :name REMOVE authorPhoto',
      ConditionExpression: 'authorId = :member',
      ExpressionAttributeValues: {
        ':name': now.name,
        ':member': memberId,
        ...(now.photo ? { ':photo': now.photo } : {}),
      },
    };
    for await (const idea of ownedByMember(tenantId, memberId, 'IDEA'))
      await ideas.change([tenantId, String(idea.id)], update);
    for await (const comment of ownedByMember(tenantId, memberId, 'COMMENT'))
      await comments.change([tenantId, String(comment.ideaId), String(comment.createdAt), String(comment.id)], update);
  }
}
