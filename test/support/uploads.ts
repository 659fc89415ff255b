import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import type { Ctx } from '../../functions/core/context.js';
import { bucketName, db, s3, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import type { Member } from '../../functions/core/member/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { createUpload, type PresignedUpload, type UploadType } from '../../functions/core/upload/index.js';

/* Uploads as a browser makes them, and what they leave in S3 and DynamoDB. */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG as far as magic bytes go: the signature, then `length - 8` arbitrary bytes. */
export function pngBytes(length = 64): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(PNG_SIGNATURE);
  for (let i = PNG_SIGNATURE.length; i < length; i++) bytes[i] = (i * 7) % 256;
  return bytes;
}

/** What a browser does with the presigned form: every field first, then the file. */
export async function post(upload: PresignedUpload, bytes: Uint8Array, contentType: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }));
  const response = await fetch(upload.url, { method: 'POST', body: form });
  expect(response.ok, `POST answered ${response.status}: ${await response.text()}`).toBe(true);
}

export async function start(ctx: Ctx, bytes: Uint8Array, contentType: UploadType, declaredSize = bytes.byteLength) {
  const upload = await createUpload(ctx, { filename: 'picture.png', contentType, size: declaredSize });
  await post(upload, bytes, contentType);
  return upload;
}

export async function exists(key: string) {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucketName(), Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/** Posted (incoming/) or checked (the tenant's uploads): is any object of this upload left? */
export const objectExists = async (tenant: Tenant, member: Member, uploadId: string) =>
  (await exists(keys.incomingUpload(tenant.id, member.id, uploadId))) ||
  (await exists(keys.uploadObject(tenant.id, member.id, uploadId)));

export async function record(tenant: Tenant, uploadId: string) {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.upload(tenant.id, uploadId), ConsistentRead: true }),
  );
  return Item;
}
