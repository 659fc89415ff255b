import type { Ctx } from '../context.js';
import { storageUses, type Write } from '../db/index.js';
import { DomainError, say } from '../errors/index.js';

/** What one member may store on a portal, and the portal as a whole: files cost money to keep. */
export const MEMBER_STORAGE_BYTES = 250 * 1024 * 1024;
export const PORTAL_STORAGE_BYTES = 20 * 1024 * 1024 * 1024;

const PORTAL = 'PORTAL';
const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

const memberFull = (used: number) =>
  new DomainError('storage_full', 413, say('upload.memberFull', { used: mb(used), quota: mb(MEMBER_STORAGE_BYTES) }));
const portalFull = () =>
  new DomainError('storage_full', 413, say('upload.portalFull', { quota: PORTAL_STORAGE_BYTES / 1024 ** 3 }));

/** Refuses at once an upload that cannot fit (what finalize checks again, in its transaction). */
export async function assertRoomFor(ctx: Ctx, memberId: string, size: number): Promise<void> {
  const [member, portal] = await Promise.all([
    storageUses.get([ctx.tenant.id, memberId]),
    storageUses.get([ctx.tenant.id, PORTAL]),
  ]);
  if ((member?.bytes ?? 0) + size > MEMBER_STORAGE_BYTES) throw memberFull(member?.bytes ?? 0);
  if ((portal?.bytes ?? 0) + size > PORTAL_STORAGE_BYTES) throw portalFull();
}

/**
 * The two counters a checked file adds to, as transaction items that fail when the file does
 * not fit: so two uploads at once can never both squeeze into the last megabytes.
 */
export function storageWrites(tenantId: string, memberId: string, size: number): Write[] {
  const add = (owner: string, quota: number) =>
    storageUses.update([tenantId, owner], {
      UpdateExpression: 'ADD bytes :size',
      ConditionExpression: 'attribute_not_exists(bytes) OR bytes <= :room',
      ExpressionAttributeValues: { ':size': size, ':room': quota - size },
    });
  return [add(memberId, MEMBER_STORAGE_BYTES), add(PORTAL, PORTAL_STORAGE_BYTES)];
}

/** The two counters a deleted file gives its bytes back to, as transaction items (with what removes the file, once). */
export function storageRelease(tenantId: string, memberId: string, size: number): Write[] {
  return [memberId, PORTAL].map((owner) =>
    storageUses.update([tenantId, owner], {
      UpdateExpression: 'ADD bytes :size',
      ExpressionAttributeValues: { ':size': -size },
    }),
  );
}

/** The error for the counter whose condition failed (member first, then portal). */
export async function storageRefusal(ctx: Ctx, memberId: string, failed: boolean[]): Promise<DomainError> {
  if (failed[0]) return memberFull((await storageUses.get([ctx.tenant.id, memberId]))?.bytes ?? 0);
  return portalFull();
}
