import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../functions/core/context.js';
import { bucketName, db, s3, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import type { Member } from '../../functions/core/member/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import {
  createUpload,
  finalizeUpload,
  MAX_UPLOAD_BYTES,
  MEMBER_STORAGE_BYTES,
  uploadLink,
} from '../../functions/core/upload/index.js';
import { sniff } from '../../functions/core/upload/sniff.js';
import { LIMITS } from '../../functions/core/ratelimit.js';
import { storageUses } from '../../functions/core/db/index.js';
import { asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';
import { eventually } from '../support/wait.js';
import { exists, objectExists, pngBytes, post, record, start } from '../support/uploads.js';

const text = (s: string) => new TextEncoder().encode(s);
const PDF = text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

/** A ready upload as a reader's browser gets it: the signed link, then the bytes and headers S3 answers. */
async function readUpload(ctx: Ctx, uploadId: string) {
  const link = await uploadLink(ctx, uploadId);
  const res = await fetch(link);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = new Uint8Array(await res.arrayBuffer());
  return {
    link,
    body,
    size: body.byteLength,
    contentType: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
  };
}

async function expectGone(tenant: Tenant, member: Member, uploadId: string) {
  expect(await objectExists(tenant, member, uploadId)).toBe(false);
  expect(await record(tenant, uploadId)).toBeUndefined();
  await expect(uploadLink(asVisitor(tenant), uploadId)).rejects.toMatchObject({
    status: 404,
    code: 'upload_not_found',
  });
}

describe('uploads on s3rver and DynamoDB Local', () => {
  it('deletes the object of an upload never finalized once its pending record expires, and only that one', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const abandoned = await start(ctx, pngBytes(), 'image/png');
    const kept = await start(ctx, pngBytes(), 'image/png');
    await finalizeUpload(ctx, kept.id);
    expect(await objectExists(tenant, m!, abandoned.id)).toBe(true);
    // DynamoDB's TTL sweeper removes the pending record a day later; DynamoDB Local has none, so remove it as the sweeper would.
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.upload(tenant.id, abandoned.id) }));
    await eventually(async () => !(await objectExists(tenant, m!, abandoned.id)));
    expect(await objectExists(tenant, m!, kept.id)).toBe(true);
  });

  it('uploads a real PNG with the presigned form, finalizes it and reads the same bytes back', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const bytes = pngBytes(300);

    const upload = await createUpload(ctx, {
      filename: 'diagram.png',
      contentType: 'image/png',
      size: bytes.byteLength,
    });
    expect(upload.maxBytes).toBe(MAX_UPLOAD_BYTES);
    expect(upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // The form posts under incoming/ (forgotten by the bucket after a day), never where files are served from.
    const key = keys.incomingUpload(tenant.id, m!.id, upload.id);
    expect(key).toBe(`incoming/${tenant.id}/${m!.id}/${upload.id}`);
    expect(upload.fields).toMatchObject({ key, 'Content-Type': 'image/png' });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8')) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1, 10485760], ['eq', '$Content-Type', 'image/png'], { key }]),
    );
    const minutes = (Date.parse(policy.expiration) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);

    const pending = await record(tenant, upload.id);
    expect(pending).toMatchObject({
      memberId: m!.id,
      key,
      filename: 'diagram.png',
      contentType: 'image/png',
      size: 300,
      status: 'pending',
    });
    const dayFromNow = Math.floor(Date.now() / 1000) + 86_400;
    expect(pending!.expiresAt).toBeGreaterThan(dayFromNow - 60);
    expect(pending!.expiresAt).toBeLessThanOrEqual(dayFromNow);

    await post(upload, bytes, 'image/png');
    // Not readable until finalized.
    await expect(uploadLink(asVisitor(tenant), upload.id)).rejects.toMatchObject({ status: 404 });

    const done = await finalizeUpload(ctx, upload.id);
    expect(done).toEqual({ id: upload.id, filename: 'diagram.png', contentType: 'image/png', size: 300 });
    const ready = await record(tenant, upload.id);
    const served = keys.uploadObject(tenant.id, m!.id, upload.id);
    expect(ready).toMatchObject({ status: 'ready', key: served });
    expect(ready!.expiresAt).toBeUndefined();
    // The checked copy is served; the posted object is gone.
    expect(await exists(served)).toBe(true);
    expect(await exists(key)).toBe(false);

    // Idempotent.
    expect(await finalizeUpload(ctx, upload.id)).toEqual(done);

    // Read from S3 by a short-lived signed link, with the type and name S3 is told to answer.
    const read = await readUpload(asVisitor(tenant), upload.id);
    expect(read).toMatchObject({
      contentType: 'image/png',
      disposition: "inline; filename*=UTF-8''diagram.png",
      size: 300,
    });
    expect(Buffer.from(read.body).equals(Buffer.from(bytes))).toBe(true);
    const expires = Number(new URL(read.link).searchParams.get('X-Amz-Expires'));
    expect(expires).toBeGreaterThan(0);
    expect(expires).toBeLessThanOrEqual(600);
    // The signature is checked against AWS's published example in test/unit/signing.test.ts (the emulator verifies none).
  });

  it('recognises each accepted type by its magic bytes', async () => {
    expect(sniff(pngBytes(16))).toBe('image/png');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniff(text('RIFF\x24\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniff(text('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeUndefined();
    expect(sniff(PDF)).toBe('application/pdf');
    expect(sniff(text('<html>'))).toBeUndefined();
    expect(sniff(new Uint8Array([0x89, 0x50]))).toBeUndefined();

    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const pdf = await start(ctx, PDF, 'application/pdf');
    expect(await finalizeUpload(ctx, pdf.id)).toMatchObject({ contentType: 'application/pdf', size: PDF.byteLength });
  });

  it('rejects a file declared PNG whose bytes are a PDF or plain text, deleting the object and the record', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);

    const pdf = await start(ctx, PDF, 'image/png');
    expect(await objectExists(tenant, m!, pdf.id)).toBe(true);
    await expect(finalizeUpload(ctx, pdf.id)).rejects.toMatchObject({
      code: 'upload_rejected',
      status: 422,
      message: expect.stringMatching(/PDF.*not the PNG declared/),
      fields: { file: expect.stringMatching(/PDF/) },
    });
    await expectGone(tenant, m!, pdf.id);

    const plain = await start(ctx, text('just some plain text, not an image at all'), 'image/png');
    await expect(finalizeUpload(ctx, plain.id)).rejects.toMatchObject({
      code: 'upload_rejected',
      status: 422,
      fields: { file: expect.stringMatching(/not a PNG, JPEG, WebP or PDF/) },
    });
    await expectGone(tenant, m!, plain.id);
    // A rejected upload stays rejected: a second finalize finds nothing.
    await expect(finalizeUpload(ctx, plain.id)).rejects.toMatchObject({ status: 404, code: 'upload_not_found' });
  });

  it('rejects an object larger than declared, over the limit, or never sent', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);

    // s3rver ignores the form's conditions, so a bigger file than declared is stored; finalize refuses it.
    const bigger = await start(ctx, pngBytes(500), 'image/png', 100);
    await expect(finalizeUpload(ctx, bigger.id)).rejects.toMatchObject({
      code: 'upload_rejected',
      status: 422,
      fields: { file: expect.stringMatching(/500 bytes, not the 100 bytes declared/) },
    });
    await expectGone(tenant, m!, bigger.id);

    const smaller = await start(ctx, pngBytes(50), 'image/png', 100);
    await expect(finalizeUpload(ctx, smaller.id)).rejects.toMatchObject({ code: 'upload_rejected', status: 422 });
    await expectGone(tenant, m!, smaller.id);

    // Over 10 MB, written straight to the upload's key (what an unchecked POST would store).
    const huge = await createUpload(ctx, { filename: 'huge.png', contentType: 'image/png', size: MAX_UPLOAD_BYTES });
    await s3().send(
      new PutObjectCommand({
        Bucket: bucketName(),
        Key: keys.incomingUpload(tenant.id, m!.id, huge.id),
        Body: pngBytes(MAX_UPLOAD_BYTES + 1),
        ContentType: 'image/png',
      }),
    );
    await expect(finalizeUpload(ctx, huge.id)).rejects.toMatchObject({
      code: 'upload_rejected',
      status: 422,
      fields: { file: expect.stringMatching(/over the 10 MB limit/) },
    });
    await expectGone(tenant, m!, huge.id);

    const neverSent = await createUpload(ctx, { filename: 'ghost.png', contentType: 'image/png', size: 10 });
    await expect(finalizeUpload(ctx, neverSent.id)).rejects.toMatchObject({
      code: 'upload_rejected',
      status: 422,
      fields: { file: expect.stringMatching(/not received/) },
    });
    await expectGone(tenant, m!, neverSent.id);
  });

  it('refuses bad input with 400 and the failing fields named', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const good = { filename: 'a.png', contentType: 'image/png', size: 10 } as const;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, size: 0 }, 'size'],
      [{ ...good, size: 20 * 1024 * 1024 }, 'size'],
      [{ ...good, size: 1.5 }, 'size'],
      [{ ...good, contentType: 'text/html' }, 'contentType'],
      [{ ...good, filename: '' }, 'filename'],
      [{ ...good, filename: '   ' }, 'filename'],
      [{ ...good, filename: 'x'.repeat(201) }, 'filename'],
    ];
    for (const [input, field] of cases) {
      await expect(createUpload(ctx, input as never), JSON.stringify(input)).rejects.toMatchObject({
        code: 'invalid_input',
        status: 400,
        fields: { [field]: expect.any(String) },
      });
    }
  });

  it('keeps an upload to its member for finalizing and to its portal for reading', async () => {
    const tenant = await makeTenant();
    const [owner, other] = await makeMembers(tenant, 2);
    const elsewhere = await makeTenant();
    const [stranger] = await makeMembers(elsewhere, 1);
    const upload = await start(asMember(tenant, owner!), pngBytes(40), 'image/png');

    const notFound = { status: 404, code: 'upload_not_found' };
    await expect(finalizeUpload(asMember(tenant, other!), upload.id)).rejects.toMatchObject(notFound);
    await expect(uploadLink(asMember(tenant, other!), upload.id)).rejects.toMatchObject(notFound);
    await expect(finalizeUpload(asMember(elsewhere, stranger!), upload.id)).rejects.toMatchObject(notFound);
    await expect(uploadLink(asMember(elsewhere, stranger!), upload.id)).rejects.toMatchObject(notFound);
    // Their attempts changed nothing: the owner still finalizes.
    await finalizeUpload(asMember(tenant, owner!), upload.id);

    await expect(finalizeUpload(asMember(tenant, other!), upload.id)).rejects.toMatchObject(notFound);
    await expect(finalizeUpload(asMember(elsewhere, stranger!), upload.id)).rejects.toMatchObject(notFound);
    await expect(uploadLink(asMember(elsewhere, stranger!), upload.id)).rejects.toMatchObject(notFound);
    await expect(uploadLink(asVisitor(elsewhere), upload.id)).rejects.toMatchObject(notFound);
    // Within its own portal a ready upload is readable (visibility comes with the idea it belongs to).
    expect((await readUpload(asMember(tenant, other!), upload.id)).size).toBe(40);

    for (const id of ['', 'not-an-id', '../../etc/passwd', '0000000000aaaaaaaaaa']) {
      await expect(finalizeUpload(asMember(tenant, owner!), id)).rejects.toMatchObject(notFound);
      await expect(uploadLink(asVisitor(tenant), id)).rejects.toMatchObject(notFound);
    }
  });

  it('serves the object that passed the checks, not one posted over it afterwards', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const ctx = asMember(tenant, m!);
    const bytes = pngBytes(64);
    const upload = await start(ctx, bytes, 'image/png');
    await finalizeUpload(ctx, upload.id);
    // The presigned form stays usable for its ten minutes: the same size, different content.
    const swapped = text('<script>alert(1)</script>'.padEnd(64, ' '));
    await post(upload, swapped, 'image/png');
    const read = await readUpload(asVisitor(tenant), upload.id);
    expect(Buffer.from(read.body).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses visitors', async () => {
    const tenant = await makeTenant();
    await expect(
      createUpload(asVisitor(tenant), { filename: 'a.png', contentType: 'image/png', size: 10 }),
    ).rejects.toMatchObject({
      code: 'sign_in_required',
      status: 401,
    });
    await expect(finalizeUpload(asVisitor(tenant), '0000000000aaaaaaaaaa')).rejects.toMatchObject({ status: 401 });
  });

  it('stores files only for confirmed accounts, and at most 30 an hour each', async () => {
    const tenant = await makeTenant();
    const [m, other] = await makeMembers(tenant, 2);
    const file = { filename: 'a.png', contentType: 'image/png', size: 10 } as const;
    const unconfirmed: Ctx = {
      ...asMember(tenant, m!),
      actor: { ...asMember(tenant, m!).actor, verified: false } as Ctx['actor'],
    };
    await expect(createUpload(unconfirmed, file)).rejects.toMatchObject({ status: 403, code: 'verification_required' });
    const ctx = asMember(tenant, m!);
    for (let n = 0; n < LIMITS['upload:account'].max; n++) await createUpload(ctx, file);
    await expect(createUpload(ctx, file)).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    // Another member of the portal is not held by it.
    await expect(createUpload(asMember(tenant, other!), file)).resolves.toMatchObject({ maxBytes: MAX_UPLOAD_BYTES });
  });

  it('counts stored bytes against the member and the portal, and refuses a file that does not fit', async () => {
    const tenant = await makeTenant();
    const [m, other] = await makeMembers(tenant, 2);
    const ctx = asMember(tenant, m!);
    const bytes = pngBytes(300);
    const first = await start(ctx, bytes, 'image/png');
    await finalizeUpload(ctx, first.id);
    expect((await storageUses.get([tenant.id, m!.id]))?.bytes).toBe(300);
    expect((await storageUses.get([tenant.id, 'PORTAL']))?.bytes).toBe(300);

    // Nearly full: a file that cannot fit is refused before any form is made.
    await storageUses.create([tenant.id, m!.id], { bytes: MEMBER_STORAGE_BYTES - 100 });
    await expect(createUpload(ctx, { filename: 'big.png', contentType: 'image/png', size: 200 })).rejects.toMatchObject(
      { status: 413, code: 'storage_full' },
    );
    // One that fits when it starts, but not when it is finalized (another file took the room meanwhile).
    const late = await start(ctx, pngBytes(64), 'image/png');
    await storageUses.create([tenant.id, m!.id], { bytes: MEMBER_STORAGE_BYTES - 10 });
    await expect(finalizeUpload(ctx, late.id)).rejects.toMatchObject({ status: 413, code: 'storage_full' });
    await expectGone(tenant, m!, late.id);
    expect((await storageUses.get([tenant.id, m!.id]))?.bytes).toBe(MEMBER_STORAGE_BYTES - 10);
    // Another member of the portal still has room.
    const theirs = await start(asMember(tenant, other!), pngBytes(64), 'image/png');
    await finalizeUpload(asMember(tenant, other!), theirs.id);
    expect((await storageUses.get([tenant.id, 'PORTAL']))?.bytes).toBe(364);
  });
});
