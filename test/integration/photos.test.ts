import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Ctx } from '../../functions/core/context.js';
import { bucketName, keys, members, s3, storageUses } from '../../functions/core/db/index.js';
import { addComment, listComments } from '../../functions/core/comment/index.js';
import { getIdea, ideaAttachmentLink, submitIdea } from '../../functions/core/idea/index.js';
import { removeMyPhoto, setMyPhoto, updateMe } from '../../functions/core/identity/index.js';
import { listNotifications } from '../../functions/core/notify/index.js';
import { finalizeUpload, type UploadType } from '../../functions/core/upload/index.js';
import { asMember, makeMembers, makeTenant } from '../support/tenants.js';
import { exists, pngBytes, record, start } from '../support/uploads.js';
import { eventually } from '../support/wait.js';

/* Thumbnails and faces are made by the table's stream (core/image), here as in AWS. */

/** A real photo as a phone writes it: 1200 × 800 pixels stored sideways, with EXIF saying to turn it upright. */
const sidewaysJpeg = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7bd5' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();

async function uploaded(ctx: Ctx, bytes: Uint8Array, type: UploadType = 'image/jpeg') {
  const upload = await start(ctx, bytes, type);
  return finalizeUpload(ctx, upload.id);
}

async function imageAt(key: string) {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }));
  const bytes = await object.Body!.transformToByteArray();
  return { type: object.ContentType, ...(await sharp(bytes).metadata()), exif: (await sharp(bytes).metadata()).exif };
}

const memberItem = (tenantId: string, memberId: string) => members.get([tenantId, memberId], { consistent: true });

describe('thumbnails for lists', () => {
  it('an uploaded photo gets one card-sized copy, upright and without metadata; the list link serves it', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const photo = await uploaded(ctx, await sidewaysJpeg());
    const thumbnail = keys.uploadThumbnail(tenant.id, m!.id, photo.id);
    await eventually(async () => (await record(tenant, photo.id))?.thumbnail === thumbnail);
    const made = await imageAt(thumbnail);
    // 1200 × 800 turned upright is 800 × 1200; fitted in 320 px it is 213 × 320.
    expect(made).toMatchObject({ type: 'image/webp', format: 'webp', width: 213, height: 320 });
    expect(made.exif).toBeUndefined();

    const idea = await submitIdea(ctx, {
      sectionId: 'product',
      title: 'A sideways photo',
      body: 'See the photo attached to this idea.',
      attachmentIds: [photo.id],
    });
    expect(decodeURIComponent(await ideaAttachmentLink(ctx, idea.id, photo.id, 'card'))).toContain(`${photo.id}-card`);
    expect(decodeURIComponent(await ideaAttachmentLink(ctx, idea.id, photo.id))).not.toContain(`${photo.id}-card`);
  });

  it('a file that only looks like an image gets none, and the stream goes on to the next', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const broken = await uploaded(ctx, pngBytes(2000), 'image/png');
    const real = await uploaded(
      ctx,
      await sharp({ create: { width: 90, height: 60, channels: 4, background: '#fff' } })
        .png()
        .toBuffer(),
      'image/png',
    );
    await eventually(async () => (await record(tenant, real.id))?.thumbnail);
    // Never enlarged: a small picture keeps its size.
    expect(await imageAt(String((await record(tenant, real.id))?.thumbnail))).toMatchObject({ width: 90, height: 60 });
    expect((await record(tenant, broken.id))?.thumbnail).toBeUndefined();
    expect(await exists(keys.uploadThumbnail(tenant.id, m!.id, broken.id))).toBe(false);
  });
});

describe('a member’s photo', () => {
  it('becomes a square face beside everything they wrote, before and after; replacing it lets the old one go', async () => {
    const tenant = await makeTenant();
    const [m, reader] = await makeMembers(tenant, 2);
    const ctx = asMember(tenant, m!);
    const before = await submitIdea(ctx, {
      sectionId: 'product',
      title: 'Written before the photo',
      body: 'Some text long enough for an idea.',
    });
    await addComment(ctx, { ideaId: before.id, body: 'A comment before the photo.' });

    const first = await uploaded(ctx, await sidewaysJpeg());
    await setMyPhoto(ctx, { uploadId: first.id });
    const face = keys.face(tenant.id, m!.id, first.id);
    await eventually(async () => (await memberItem(tenant.id, m!.id))?.photo === face);
    expect(await imageAt(face)).toMatchObject({ type: 'image/webp', width: 160, height: 160 });
    await eventually(async () => (await getIdea(ctx, before.id)).authorPhoto === face);
    await eventually(async () => (await listComments(ctx, { ideaId: before.id })).items[0]?.authorPhoto === face);
    const after = await submitIdea(ctx, {
      sectionId: 'product',
      title: 'Written after the photo',
      body: 'Some text long enough for an idea.',
    });
    expect((await getIdea(ctx, after.id)).authorPhoto).toBe(face);
    // Whoever is told of the member's comment sees their face too.
    const theirs = await submitIdea(asMember(tenant, reader!), {
      sectionId: 'product',
      title: 'An idea someone comments on',
      body: 'Some text long enough for an idea.',
    });
    await addComment(ctx, { ideaId: theirs.id, body: 'A comment with my face.' });
    const told = await eventually(async () => (await listNotifications(asMember(tenant, reader!), {})).items[0]);
    expect(told).toMatchObject({ actorName: m!.displayName, actorPhoto: face });
    // Chosen as a photo, the upload is attached: it never expires.
    expect((await record(tenant, first.id))?.attachedAt).toBeDefined();

    const second = await uploaded(
      ctx,
      await sharp({ create: { width: 300, height: 500, channels: 3, background: '#c33' } })
        .png()
        .toBuffer(),
      'image/png',
    );
    const used = (await storageUses.get([tenant.id, m!.id]))?.bytes;
    await setMyPhoto(ctx, { uploadId: second.id });
    const newFace = keys.face(tenant.id, m!.id, second.id);
    await eventually(async () => (await getIdea(ctx, before.id)).authorPhoto === newFace);
    // The first photo, its face and its bytes are gone.
    await eventually(async () => !(await exists(face)) && !(await record(tenant, first.id)));
    expect(await exists(keys.uploadObject(tenant.id, m!.id, first.id))).toBe(false);
    expect((await storageUses.get([tenant.id, m!.id]))?.bytes).toBe(used! - first.size);

    await removeMyPhoto(ctx);
    await eventually(async () => (await getIdea(ctx, after.id)).authorPhoto === undefined);
    await eventually(async () => !(await exists(newFace)) && !(await record(tenant, second.id)));
    expect(await memberItem(tenant.id, m!.id)).not.toHaveProperty('photo');
  });

  it('a new name shows on what the member wrote too', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const idea = await submitIdea(ctx, {
      sectionId: 'product',
      title: 'Signed with my old name',
      body: 'Some text long enough for an idea.',
    });
    await updateMe(ctx, { displayName: 'Renamed Member' });
    await eventually(async () => (await getIdea(ctx, idea.id)).authorName === 'Renamed Member');
  });

  it('only the member’s own checked image: another’s upload, another portal’s, a PDF or an unknown id is a field error', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const [m, n] = await makeMembers(tenant, 2);
    const [o] = await makeMembers(other, 1);
    const ctx = asMember(tenant, m!);
    const theirs = await uploaded(asMember(tenant, n!), await sidewaysJpeg());
    const elsewhere = await uploaded(asMember(other, o!), await sidewaysJpeg());
    const pdf = await uploaded(
      ctx,
      new TextEncoder().encode('%PDF-1.4\n%\u00e2\n1 0 obj\n<<>>\nendobj\n'),
      'application/pdf',
    );
    for (const uploadId of [theirs.id, elsewhere.id, pdf.id, 'a'.repeat(20)])
      await expect(setMyPhoto(ctx, { uploadId })).rejects.toMatchObject({
        status: 400,
        fields: { photo: expect.anything() },
      });
    expect(await memberItem(tenant.id, m!.id)).not.toHaveProperty('photoUpload');
    expect((await record(tenant, theirs.id))?.attachedAt).toBeUndefined();
  });
});
