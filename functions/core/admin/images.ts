import { z } from 'zod';
import type { Ctx } from '../context.js';
import { invalidFields, parseInput, say } from '../errors/index.js';
import { BRAND_IMAGES, copyToBrandFile, deleteBrandFile, type Tenant } from '../tenant/index.js';
import { keys } from '../db/index.js';
import { getRecord } from '../upload/index.js';
import { changeTenant } from './portal.js';
import { requireMember } from '../context.js';
import { authorize } from '../authz.js';

export const SetBrandImage = z
  .object({ kind: z.enum(BRAND_IMAGES), uploadId: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/) })
  .strict();

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * Makes a finished upload of the admin (checked by type and magic bytes when it was finalized,
 * see core/upload) the portal's logo, favicon or hero image: a copy under the portal's brand
 * files, which the edge serves to anyone. The upload id versions its name. The image it
 * replaces is deleted once no version of the portal names it.
 */
export async function setBrandImage(ctx: Ctx, input: z.input<typeof SetBrandImage>): Promise<Tenant> {
  authorize(ctx, 'portal.configure');
  const member = requireMember(ctx);
  const { kind, uploadId } = parseInput(SetBrandImage, input);
  const record = await getRecord(ctx.tenant.id, uploadId);
  if (
    !record ||
    record.status !== 'ready' ||
    record.memberId !== member.memberId ||
    !IMAGE_TYPES.has(record.contentType)
  ) {
    throw invalidFields({
      [kind]: say('portal.image'),
    });
  }
  const key = keys.brandAsset(ctx.tenant.id, `${kind}-${uploadId}`);
  await copyToBrandFile(record.key, key, record.contentType);
  let replaced: string | undefined;
  const saved = await changeTenant(ctx, `image.${kind}`, (current) => {
    replaced = current[kind]?.key;
    return {
      next: { ...current, [kind]: { key, contentType: record.contentType, version: uploadId } },
      detail: { [kind]: record.filename },
    };
  }).catch(async (error) => {
    await deleteBrandFile(ctx.tenant.id, key);
    throw error;
  });
  if (replaced !== key) await deleteBrandFile(ctx.tenant.id, replaced);
  return saved;
}

export async function removeBrandImage(ctx: Ctx, kind: (typeof BRAND_IMAGES)[number]): Promise<Tenant> {
  authorize(ctx, 'portal.configure');
  parseInput(z.enum(BRAND_IMAGES), kind);
  let removed: string | undefined;
  const saved = await changeTenant(ctx, `image.${kind}.remove`, (current) => {
    const { [kind]: image, ...rest } = current;
    removed = image?.key;
    return { next: rest as Tenant, detail: { [kind]: null } };
  });
  await deleteBrandFile(ctx.tenant.id, removed);
  return saved;
}
