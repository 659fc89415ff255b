import { z } from 'zod';
import type { Ctx } from '../context.js';
import { invalidFields, parseInput, say } from '../errors/index.js';
import { BRAND_IMAGES, type Tenant } from '../tenant/index.js';
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
 * see core/upload) the portal's logo, favicon or hero image. The upload id versions its URL.
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
  return changeTenant(ctx, `image.${kind}`, (current) => ({
    next: { ...current, [kind]: { key: record.key, contentType: record.contentType, version: uploadId } },
    detail: { [kind]: record.filename },
  }));
}

export async function removeBrandImage(ctx: Ctx, kind: (typeof BRAND_IMAGES)[number]): Promise<Tenant> {
  authorize(ctx, 'portal.configure');
  parseInput(z.enum(BRAND_IMAGES), kind);
  return changeTenant(ctx, `image.${kind}.remove`, (current) => {
    const { [kind]: _, ...rest } = current;
    return { next: rest as Tenant, detail: { [kind]: null } };
  });
}
