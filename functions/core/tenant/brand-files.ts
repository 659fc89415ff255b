import { CopyObjectCommand, DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, copySource, keys, s3 } from '../db/index.js';
import { BRAND_IMAGE_HEADERS } from '../http/index.js';
import type { Tenant } from './schema.js';

/*
 * Brand images live under tenants/<id>/brand/, the one prefix the edge serves straight from S3
 * (infra/edge.ts; functions/local/brand-images.ts here), each version under its own name so it
 * can be cached for a year. Nothing else of a tenant is reachable that way.
 */

const cacheControl = BRAND_IMAGE_HEADERS['cache-control'];

/** The path pattern CloudFront serves from the bucket (infra/edge.ts): brand files, nothing else. */
export const BRAND_PATH_PATTERN = '/tenants/*/brand/*';
/** The same test for one path (the local server, which does what the edge does). */
export const isBrandFilePath = (path: string) => /^\/tenants\/[0-9a-z]+\/brand\/[A-Za-z0-9_-]+$/.test(path);

/** Writes a brand image from bytes (the platform's own, e.g. the seeds' logos). */
export async function putBrandFile(key: string, body: Uint8Array, contentType: string) {
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: key,
      Body: body,
      ContentType: contentType,
      CacheControl: cacheControl,
    }),
  );
}

/** Publishes a checked upload as a brand image: a copy, so the upload's own object stays private. */
export async function copyToBrandFile(from: string, key: string, contentType: string) {
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucketName(),
      Key: key,
      CopySource: copySource(from),
      MetadataDirective: 'REPLACE',
      ContentType: contentType,
      CacheControl: cacheControl,
    }),
  );
}

/** Deletes a brand image no version of the portal names any more (only ever under the tenant's brand prefix). */
export async function deleteBrandFile(tenantId: string, key: string | undefined) {
  if (!key?.startsWith(keys.brandPrefix(tenantId))) return;
  await s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key }));
}

/** The path a brand image is served at on the portal's own host: its key, which the edge maps to S3. */
export function brandFilePath(tenant: Tenant, image: { key: string } | undefined): string | null {
  return image?.key.startsWith(keys.brandPrefix(tenant.id)) ? `/${image.key}` : null;
}
