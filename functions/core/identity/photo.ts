import { z } from 'zod';
import type { Ctx } from '../context.js';
import { itemExists, members } from '../db/index.js';
import { invalidFields, notFound, parseInput, say } from '../errors/index.js';
import { ownReadyUpload, writeAttaching } from '../upload/index.js';
import { forgetMemberSessions } from './sessions.js';
import { currentMember } from './profile.js';

export const SetPhoto = z.object({ uploadId: z.string().trim().min(1).max(40) });

const notAnImage = () => invalidFields({ photo: say('account.photoNotImage') });

/**
 * Makes one of the member's own checked images their photo. The square face is made off the
 * request path (core/image/faces.ts, from the stream), which then names it on the account and
 * beside everything the member wrote; until then the initials stay. The upload is attached in
 * the same transaction, so it never expires under the account.
 */
export async function setMyPhoto(ctx: Ctx, input: z.input<typeof SetPhoto>): Promise<void> {
  const member = await currentMember(ctx);
  const { uploadId } = parseInput(SetPhoto, input);
  const upload = await ownReadyUpload(ctx, uploadId).catch(() => Promise.reject(notAnImage()));
  if (!upload.contentType.startsWith('image/')) throw notAnImage();
  const written = await writeAttaching(
    ctx,
    [
      members.update([ctx.tenant.id, member.id], {
        UpdateExpression: 'SET photoUpload = :upload',
        ...itemExists,
        ExpressionAttributeValues: { ':upload': uploadId },
      }),
    ],
    [upload],
  );
  if (!written.ok) throw notFound('member');
}

/** Goes back to initials: the face's file and the photo beside the member's posts go with the stream (core/image/faces.ts). */
export async function removeMyPhoto(ctx: Ctx): Promise<void> {
  const member = await currentMember(ctx);
  if (
    !(await members.change([ctx.tenant.id, member.id], {
      UpdateExpression: 'REMOVE photoUpload, photo',
      ...itemExists,
    }))
  )
    throw notFound('member');
  forgetMemberSessions(ctx.tenant.id, member.id); // the header shows the initials at once
}
