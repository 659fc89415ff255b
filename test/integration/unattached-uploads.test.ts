import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../functions/core/context.js';
import { storageUses, uploads } from '../../functions/core/db/index.js';
import { ideaAttachmentLink, submitIdea } from '../../functions/core/idea/index.js';
import type { Member } from '../../functions/core/member/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import {
  expireUnattachedUploads,
  finalizeUpload,
  UNATTACHED_UPLOAD_MS,
  uploadLink,
} from '../../functions/core/upload/index.js';
import { asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';
import { objectExists, pngBytes, record, start } from '../support/uploads.js';

const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);
/** A moment when uploads finished now are past their time. */
const dayAfter = () => later(UNATTACHED_UPLOAD_MS + 60_000);

async function ready(ctx: Ctx, size: number, now?: Date) {
  const upload = await start(ctx, pngBytes(size), 'image/png');
  return finalizeUpload({ ...ctx, now }, upload.id);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stored = async (tenant: Tenant, owner: string) => (await storageUses.get([tenant.id, owner]))?.bytes;
const bytes = async (tenant: Tenant, member: Member) => ({
  member: await stored(tenant, member.id),
  portal: await stored(tenant, 'PORTAL'),
});

const attach = (ctx: Ctx, uploadId: string) =>
  submitIdea(ctx, {
    sectionId: 'product',
    title: 'An idea with a picture',
    body: 'See the attached picture.',
    attachmentIds: [uploadId],
  });

async function expectExpired(tenant: Tenant, member: Member, uploadId: string) {
  expect(await record(tenant, uploadId)).toBeUndefined();
  expect(await objectExists(tenant, member, uploadId)).toBe(false);
  await expect(uploadLink(asVisitor(tenant), uploadId)).rejects.toMatchObject({ status: 404 });
}

describe('finished uploads never attached expire', () => {
  it('a day after it was finished: object, record and bytes go, once; attached and younger files stay', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const unattached = await ready(ctx, 300);
    const attached = await ready(ctx, 200);
    const younger = await ready(ctx, 100, later(2 * 3600_000));
    const idea = await attach(ctx, attached.id);
    expect(await record(tenant, attached.id)).not.toHaveProperty('queueKey');
    expect(await bytes(tenant, m!)).toEqual({ member: 600, portal: 600 });

    // Not yet: a minute short of the day, nothing goes.
    expect(await expireUnattachedUploads(tenant.id, later(UNATTACHED_UPLOAD_MS - 60_000))).toBe(0);
    expect(await expireUnattachedUploads(tenant.id, dayAfter())).toBe(1);
    await expectExpired(tenant, m!, unattached.id);
    await expect(finalizeUpload(ctx, unattached.id)).rejects.toMatchObject({ status: 404 });
    expect(await bytes(tenant, m!)).toEqual({ member: 300, portal: 300 });
    // The attached file is served as before; the younger one waits for its own day.
    expect(await ideaAttachmentLink(asVisitor(tenant), idea.id, attached.id)).toMatch(/X-Amz-Signature=/);
    expect(await objectExists(tenant, m!, attached.id)).toBe(true);
    expect(await record(tenant, younger.id)).toMatchObject({ status: 'ready' });
    // Running again gives nothing back twice.
    expect(await expireUnattachedUploads(tenant.id, dayAfter())).toBe(0);
    expect(await bytes(tenant, m!)).toEqual({ member: 300, portal: 300 });
    // An expired file cannot be attached any more: a field error, and nothing is written.
    await expect(attach(ctx, unattached.id)).rejects.toMatchObject({
      status: 400,
      fields: { attachments: expect.anything() },
    });
  });

  it('finishes a run that stopped after giving the bytes back, without giving them back again', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const upload = await ready(ctx, 300);
    // As the first run leaves it if it stops right after its transaction: expired, bytes given back, objects still there.
    await uploads.change([tenant.id, upload.id], {
      UpdateExpression: 'SET #status = :expired',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':expired': 'expired' },
    });
    await storageUses.change([tenant.id, m!.id], {
      UpdateExpression: 'ADD bytes :d',
      ExpressionAttributeValues: { ':d': -300 },
    });
    await storageUses.change([tenant.id, 'PORTAL'], {
      UpdateExpression: 'ADD bytes :d',
      ExpressionAttributeValues: { ':d': -300 },
    });
    expect(await objectExists(tenant, m!, upload.id)).toBe(true);
    expect(await expireUnattachedUploads(tenant.id, dayAfter())).toBe(0);
    await expectExpired(tenant, m!, upload.id);
    expect(await bytes(tenant, m!)).toEqual({ member: 0, portal: 0 });
  });

  it('an attach racing the expiry: either the file stays attached and counted, or it goes and the post is refused', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const sizes = [100, 200, 300, 400, 500, 600, 700, 800];
    const files = [];
    for (const size of sizes) files.push(await ready(ctx, size));
    const [expiry, ...posts] = await Promise.allSettled([
      expireUnattachedUploads(tenant.id, dayAfter()),
      // The expiry takes the oldest first; the posts come newest first, spread over its run: the first
      // ones come before it reaches their file, the last ones after, and those between race it.
      ...files.map((file, i) => pause((files.length - 1 - i) * 40).then(() => attach(ctx, file.id))),
    ]);
    expect(expiry.status).toBe('fulfilled');
    let kept = 0;
    for (const [i, post] of posts.entries()) {
      const file = files[i]!;
      if (post.status === 'fulfilled') {
        // The attach won: the idea shows a file that is there, ready and counted.
        expect(await record(tenant, file.id)).toMatchObject({ status: 'ready', attachedAt: expect.any(String) });
        expect(await ideaAttachmentLink(asVisitor(tenant), post.value.id, file.id)).toMatch(/X-Amz-Signature=/);
        kept += file.size;
      } else {
        // The expiry won: the post was refused whole, and the file is gone with its bytes.
        expect(post.reason).toMatchObject({ status: 400, fields: { attachments: expect.anything() } });
        await expectExpired(tenant, m!, file.id);
      }
    }
    expect((expiry as PromiseFulfilledResult<number>).value).toBe(posts.filter((p) => p.status === 'rejected').length);
    expect(await bytes(tenant, m!)).toEqual({ member: kept, portal: kept });
    // What is left is attached: nothing more expires, nothing more is given back.
    expect(await expireUnattachedUploads(tenant.id, dayAfter())).toBe(0);
    expect(await bytes(tenant, m!)).toEqual({ member: kept, portal: kept });
  }, 60_000);
});
