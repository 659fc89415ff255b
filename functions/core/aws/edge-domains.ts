import { config } from '../config.js';
import { signRequest } from './sigv4.js';

// The CloudFront API (REST/XML, version 2020-05-31) is global: signed for us-east-1.
const API_HOST = 'cloudfront.amazonaws.com';
const TENANTS = '/2020-05-31/distribution-tenant';
const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const xmlField = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}>([^<]*)</${tag}>`))?.[1];
const domains = (host: string) => `<Domains><DomainItem><Domain>${escapeXml(host)}</Domain></DomainItem></Domains>`;

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

/**
 * CreateDistributionTenant's body (elements in the API model's order): one domain, in the
 * platform's connection group, with a CloudFront-managed certificate that CloudFront validates
 * over HTTP itself once the brand's CNAME reaches the edge.
 */
export function createTenantRequest(o: {
  distributionId: string;
  connectionGroupId: string;
  host: string;
  tenantSlug: string;
}): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?><CreateDistributionTenantRequest xmlns="${XMLNS}">`,
    `<DistributionId>${escapeXml(o.distributionId)}</DistributionId>`,
    `<Name>${tenantNameFor(o.host)}</Name>`,
    domains(o.host),
    `<Tags><Items><Tag><Key>portal</Key><Value>${escapeXml(o.tenantSlug)}</Value></Tag></Items></Tags>`,
    `<ConnectionGroupId>${escapeXml(o.connectionGroupId)}</ConnectionGroupId>`,
    `<ManagedCertificateRequest><ValidationTokenHost>cloudfront</ValidationTokenHost><PrimaryDomainName>${escapeXml(o.host)}</PrimaryDomainName></ManagedCertificateRequest>`,
    '<Enabled>true</Enabled>',
    '</CreateDistributionTenantRequest>',
  ].join('');
}

/** UpdateDistributionTenant's body that only switches the tenant on or off (CloudFront deletes only disabled tenants). */
export function enableTenantRequest(o: { distributionId: string; host: string; enabled: boolean }): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?><UpdateDistributionTenantRequest xmlns="${XMLNS}">`,
    `<DistributionId>${escapeXml(o.distributionId)}</DistributionId>`,
    domains(o.host),
    `<Enabled>${o.enabled}</Enabled>`,
    '</UpdateDistributionTenantRequest>',
  ].join('');
}

async function cloudfront(
  method: string,
  path: string,
  body = '',
  headers: Record<string, string> = {},
): Promise<Response> {
  const { AWS_ACCESS_KEY_ID = '', AWS_SECRET_ACCESS_KEY = '', AWS_SESSION_TOKEN } = process.env;
  const signed = signRequest({
    method,
    host: API_HOST,
    path,
    body,
    region: 'us-east-1',
    service: 'cloudfront',
    credentials: {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS_SESSION_TOKEN,
    },
    headers: body ? { ...headers, 'content-type': 'application/xml' } : headers,
  });
  return fetch(`https://${API_HOST}${path}`, { method, headers: signed, ...(body ? { body } : {}) });
}

async function fail(res: Response, operation: string): Promise<never> {
  throw new Error(`CloudFront ${operation} failed: ${res.status} ${await res.text()}`);
}

interface Tenant {
  id: string;
  etag: string;
  distributionId?: string;
  connectionGroupId?: string;
  enabled: boolean;
}

/** GetDistributionTenant by name; undefined when there is none. */
async function findTenant(name: string): Promise<Tenant | undefined> {
  const res = await cloudfront('GET', `${TENANTS}/${name}`);
  if (res.status === 404) return undefined;
  if (!res.ok) return fail(res, 'GetDistributionTenant');
  const xml = await res.text();
  return {
    id: xmlField(xml, 'Id') ?? '',
    etag: res.headers.get('etag') ?? '',
    distributionId: xmlField(xml, 'DistributionId'),
    connectionGroupId: xmlField(xml, 'ConnectionGroupId'),
    enabled: xmlField(xml, 'Enabled') === 'true',
  };
}

async function setEnabled(tenant: Tenant, host: string, distributionId: string, enabled: boolean): Promise<Tenant> {
  const body = enableTenantRequest({ distributionId, host, enabled });
  const res = await cloudfront('PUT', `${TENANTS}/${tenant.id}`, body, { 'if-match': tenant.etag });
  if (!res.ok) return fail(res, 'UpdateDistributionTenant');
  return { ...tenant, enabled, etag: res.headers.get('etag') ?? tenant.etag };
}

/**
 * Serves a verified custom domain at the edge: a distribution tenant of the multi-tenant
 * distribution, with a CloudFront-managed certificate. Idempotent (an existing tenant is kept,
 * or switched back on). Does nothing where EDGE_DISTRIBUTION_ID is unset (locally, in tests).
 */
export async function attachCustomDomain(host: string, tenantSlug: string): Promise<void> {
  const { EDGE_DISTRIBUTION_ID: distributionId, PLATFORM_DOMAIN } = config();
  if (!distributionId) return;
  const existing = await findTenant(tenantNameFor(host));
  if (existing && existing.distributionId !== distributionId)
    throw new Error(`${host} is already a tenant of distribution ${existing.distributionId}`);
  if (existing) {
    if (!existing.enabled) await setEnabled(existing, host, distributionId, true);
    return;
  }
  // The brand's CNAME points at {slug}.{PLATFORM_DOMAIN}, which resolves to the platform tenant's
  // connection group (named after the platform domain by the stack): the new tenant must join it.
  const platform = await findTenant(tenantNameFor(PLATFORM_DOMAIN));
  if (!platform?.connectionGroupId) throw new Error(`No platform distribution tenant named ${PLATFORM_DOMAIN}`);
  const body = createTenantRequest({ distributionId, connectionGroupId: platform.connectionGroupId, host, tenantSlug });
  const res = await cloudfront('POST', TENANTS, body);
  if (!res.ok) return fail(res, 'CreateDistributionTenant');
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
  const res = await cloudfront('DELETE', `${TENANTS}/${tenant.id}`, '', { 'if-match': tenant.etag });
  if (res.ok || res.status === 404) return;
  // Deletion can be refused while the disabling spreads; a disabled tenant serves nothing, and
  // detaching again (or re-attaching, which switches it back on) settles it.
  if (res.status === 409) {
    console.warn(`CloudFront tenant ${host} disabled; deletion refused for now: ${await res.text()}`);
    return;
  }
  return fail(res, 'DeleteDistributionTenant');
}
