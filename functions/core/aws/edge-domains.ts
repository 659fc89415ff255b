import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { config } from '../config.js';
import { errorFields, log } from '../log/index.js';

/**
 * A custom domain's distribution tenant is named after its host, so that detaching finds it from
 * the host alone (GetDistributionTenant accepts a name). CloudFront names: 3 to 128 letters,
 * digits, dots and hyphens; any host the core accepts fits.
 */
export function tenantNameFor(host: string): string {
  if (!/^[a-z0-9][a-z0-9.-]{1,126}[a-z0-9]$/.test(host))
    throw new Error(`No CloudFront tenant name for the host ${host}`);
  return host;
}

let client: CloudFrontClient | undefined;
/** The CloudFront API is global (signed for us-east-1); loaded only by the function that calls it (stream). */
async function cloudfront() {
  const sdk = await import('@aws-sdk/client-cloudfront');
  const { CLOUDFRONT_ENDPOINT } = config();
  client ??= new sdk.CloudFrontClient({
    region: 'us-east-1',
    ...(CLOUDFRONT_ENDPOINT ? { endpoint: CLOUDFRONT_ENDPOINT } : {}),
  });
  return { sdk, client };
}

interface Tenant {
  id: string;
  etag: string;
  distributionId?: string;
  connectionGroupId?: string;
  enabled: boolean;
  /** CloudFront's deployment status: InProgress, then Deployed. */
  status?: string;
  domainStatus?: string;
}

const notFound = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** GetDistributionTenant by name; undefined when there is none. */
async function findTenant(name: string): Promise<Tenant | undefined> {
  const { sdk, client } = await cloudfront();
  try {
    const { DistributionTenant: t, ETag } = await client.send(
      new sdk.GetDistributionTenantCommand({ Identifier: name }),
    );
    return {
      id: t?.Id ?? '',
      etag: ETag ?? '',
      distributionId: t?.DistributionId,
      connectionGroupId: t?.ConnectionGroupId,
      enabled: t?.Enabled === true,
      status: t?.Status,
      domainStatus: t?.Domains?.[0]?.Status,
    };
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
}

/** Switches a tenant on or off, its distribution and domain kept (CloudFront deletes only disabled tenants). */
async function setEnabled(tenant: Tenant, host: string, distributionId: string, enabled: boolean): Promise<Tenant> {
  const { sdk, client } = await cloudfront();
  const { ETag } = await client.send(
    new sdk.UpdateDistributionTenantCommand({
      Id: tenant.id,
      IfMatch: tenant.etag,
      DistributionId: distributionId,
      Domains: [{ Domain: host }],
      Enabled: enabled,
    }),
  );
  return { ...tenant, enabled, etag: ETag ?? tenant.etag };
}

/**
 * Serves a verified custom domain at the edge: a distribution tenant of the multi-tenant
 * distribution, in the platform's connection group, with a CloudFront-managed certificate that
 * CloudFront validates over HTTP once the brand's CNAME reaches the edge. Idempotent (an existing
 * tenant is kept, or switched back on). Does nothing where EDGE_DISTRIBUTION_ID is unset (locally).
 */
export async function attachCustomDomain(host: string, tenantSlug: string): Promise<void> {
  const { EDGE_DISTRIBUTION_ID: distributionId, PLATFORM_DOMAIN } = config();
  if (!distributionId) return;
  const existing = await findTenant(tenantNameFor(host));
  if (existing && existing.distributionId !== distributionId)
    throw new Error(`${host} is already a tenant of distribution ${existing.distributionId}`);
  if (existing) {
    const tenant = existing.enabled ? existing : await setEnabled(existing, host, distributionId, true);
    // A certificate that could not be issued (the CNAME was missing too long) is asked for again.
    if (CERTIFICATE_FAILED.has((await certificateStatus(host)) ?? ''))
      await requestCertificate(tenant, host, distributionId);
    return;
  }
  // The brand's CNAME points at {slug}.{PLATFORM_DOMAIN}, which resolves to the platform tenant's
  // connection group (named after the platform domain by the stack): the new tenant must join it.
  const platform = await findTenant(tenantNameFor(PLATFORM_DOMAIN));
  if (!platform?.connectionGroupId) throw new Error(`No platform distribution tenant named ${PLATFORM_DOMAIN}`);
  const { sdk, client } = await cloudfront();
  await client.send(
    new sdk.CreateDistributionTenantCommand({
      DistributionId: distributionId,
      Name: tenantNameFor(host),
      Domains: [{ Domain: host }],
      Tags: { Items: [{ Key: 'portal', Value: tenantSlug }] },
      ConnectionGroupId: platform.connectionGroupId,
      ManagedCertificateRequest: { ValidationTokenHost: 'cloudfront', PrimaryDomainName: host },
      Enabled: true,
    }),
  );
}

/**
 * Stops serving a custom domain at the edge: disables its distribution tenant, then deletes it.
 * Idempotent. Does nothing where EDGE_DISTRIBUTION_ID is unset.
 */
export async function detachCustomDomain(host: string): Promise<void> {
  const { EDGE_DISTRIBUTION_ID: distributionId } = config();
  if (!distributionId) return;
  let tenant = await findTenant(tenantNameFor(host));
  if (!tenant) return;
  if (tenant.enabled) tenant = await setEnabled(tenant, host, distributionId, false);
  const { sdk, client } = await cloudfront();
  try {
    await client.send(new sdk.DeleteDistributionTenantCommand({ Id: tenant.id, IfMatch: tenant.etag }));
  } catch (error) {
    if (notFound(error)) return;
    // Deletion can be refused while the disabling spreads; a disabled tenant serves nothing, and
    // detaching again (or re-attaching, which switches it back on) settles it.
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 409) {
      log('warn', 'CloudFront tenant disabled; deletion refused for now', { host, ...errorFields(error) });
      return;
    }
    throw error;
  }
}

/** Managed-certificate states that will not change by themselves: a new request is needed. */
export const CERTIFICATE_FAILED = new Set(['failed', 'validation-timed-out', 'expired', 'revoked']);

/** The managed certificate's status for a custom domain's tenant; undefined when it has none. */
async function certificateStatus(host: string): Promise<string | undefined> {
  const { sdk, client } = await cloudfront();
  try {
    const { ManagedCertificateDetails } = await client.send(
      new sdk.GetManagedCertificateDetailsCommand({ Identifier: tenantNameFor(host) }),
    );
    return ManagedCertificateDetails?.CertificateStatus;
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
}

async function requestCertificate(tenant: Tenant, host: string, distributionId: string) {
  const { sdk, client } = await cloudfront();
  await client.send(
    new sdk.UpdateDistributionTenantCommand({
      Id: tenant.id,
      IfMatch: tenant.etag,
      DistributionId: distributionId,
      Domains: [{ Domain: host }],
      Enabled: true,
      ManagedCertificateRequest: { ValidationTokenHost: 'cloudfront', PrimaryDomainName: host },
    }),
  );
}

/** What CloudFront says of a custom domain: its tenant, the domain on it, and its certificate. */
export interface EdgeDomainState {
  tenant: 'missing' | 'disabled' | 'deploying' | 'deployed';
  domain?: 'active' | 'inactive';
  certificate?: string;
}

/**
 * Reads a custom domain's state from CloudFront itself (GetDistributionTenant and
 * GetManagedCertificateDetails). Undefined where there is no edge (EDGE_DISTRIBUTION_ID unset).
 */
export async function readEdgeDomain(host: string): Promise<EdgeDomainState | undefined> {
  if (!config().EDGE_DISTRIBUTION_ID) return undefined;
  const tenant = await findTenant(tenantNameFor(host));
  if (!tenant) return { tenant: 'missing' };
  const certificate = await certificateStatus(host);
  return {
    tenant: !tenant.enabled ? 'disabled' : tenant.status === 'Deployed' ? 'deployed' : 'deploying',
    ...(tenant.domainStatus === 'active' || tenant.domainStatus === 'inactive' ? { domain: tenant.domainStatus } : {}),
    ...(certificate ? { certificate } : {}),
  };
}
