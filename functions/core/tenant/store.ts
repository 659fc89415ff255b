import { domains, itemAbsent, slugs, tenants, writeAllOrNothing, type Write } from '../db/index.js';
import { Tenant, type BrandImage, type BrandImageKind } from './schema.js';

/** Strips the storage attributes from a tenant item. */
export function toTenant(item: Record<string, unknown>): Tenant {
  return Tenant.parse(item);
}

export async function getTenantById(tenantId: string): Promise<Tenant | undefined> {
  const item = await tenants.get([tenantId]);
  return item ? toTenant(item) : undefined;
}

/** Tenant by slug: one GetItem on the slug lookup item, then one on the tenant. */
export async function getTenantIdBySlug(slug: string): Promise<string | undefined> {
  return (await slugs.get([slug]))?.tenantId;
}

/** Tenant by custom domain: only a verified domain resolves. */
export async function getTenantIdByDomain(host: string): Promise<string | undefined> {
  const claim = await domains.get([host]);
  return claim?.verified === true ? claim.tenantId : undefined;
}

/** The writes that open a portal: its slug is claimed only if free, with the tenant item. */
export function newTenantWrites(tenant: Tenant) {
  return [slugs.put([tenant.slug], { tenantId: tenant.id }, itemAbsent), tenants.put([tenant.id], tenant, itemAbsent)];
}

/** Tenant item and slug lookup are written together, the slug claimed only if free. */
export async function insertTenant(tenant: Tenant): Promise<boolean> {
  return (await writeAllOrNothing(newTenantWrites(tenant))).ok;
}

/**
 * The whole new configuration in one conditional write, accepted only if the stored version is
 * still the one it was made from (no lost update between two admins), with any other writes
 * that belong to the change (its audit entry). False when the version moved.
 */
export async function replaceTenant(
  tenant: Tenant,
  expectedVersion: number,
  alongside: Write[] = [],
): Promise<boolean> {
  const written = await writeAllOrNothing([
    tenants.put([tenant.id], tenant, {
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': expectedVersion },
    }),
    ...alongside,
  ]);
  return written.ok;
}

/**
 * The claim that makes a host resolve to a portal, as a transaction item: one domain belongs to
 * one portal at most, so it is written only if the host is free or already this portal's.
 */
export function domainClaim(tenantId: string, host: string, at: string): Write {
  return domains.put(
    [host],
    { tenantId, verified: true, claimedAt: at },
    { ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :t', ExpressionAttributeValues: { ':t': tenantId } },
  );
}

/** Claims a host for a portal on its own; false when another portal holds it. */
export async function putDomain(tenantId: string, host: string, at: string): Promise<boolean> {
  return (await writeAllOrNothing([domainClaim(tenantId, host, at)])).ok;
}

/** Sets the logo reference and bumps the version, so concurrent edits cannot overwrite each other silently. */
export async function updateTenantImage(
  tenantId: string,
  kind: BrandImageKind,
  image: BrandImage,
  expectedVersion: number,
): Promise<boolean> {
  return tenants.change([tenantId], {
    UpdateExpression: 'SET #kind = :image, version = version + :one',
    ConditionExpression: 'version = :v',
    ExpressionAttributeNames: { '#kind': kind },
    ExpressionAttributeValues: { ':image': image, ':v': expectedVersion, ':one': 1 },
  });
}

/** The public portals of the platform page, newest first, from the byList index. */
export async function queryPublicTenants(limit: number): Promise<Tenant[]> {
  return (await tenants.publicOnes(limit)).map(toTenant);
}
