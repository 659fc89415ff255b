import { config } from '../config.js';
import { DomainError, say } from '../errors/index.js';
import type { Tenant } from './schema.js';
import { getTenantById, getTenantIdByDomain, getTenantIdBySlug } from './store.js';

export type Site = { kind: 'platform' } | { kind: 'tenant'; tenant: Tenant };

const CACHE_MS = 5_000;
const cache = new Map<string, { site: Site; until: number }>();

type Headers = (name: string) => string | null | undefined;

/**
 * What the edge forwards, read in one place. Behind CloudFront (TRUST_FORWARDED_HOST) the origin
 * gets its own Host, so the viewer's host arrives in x-forwarded-host, always over https, and the
 * viewer's address in x-forwarded-for; locally the request itself says them.
 */
export function hostFromHeaders(header: Headers): string {
  return (config().TRUST_FORWARDED_HOST && header('x-forwarded-host')) || header('host') || '';
}

/** The origin the visitor's browser used (what its Origin header must say on a same-site request). */
export function visitorOrigin(url: URL, header: Headers): string {
  return config().TRUST_FORWARDED_HOST
    ? `https://${hostFromHeaders(header)}`
    : `${url.protocol}//${header('host') ?? url.host}`;
}

/**
 * The visitor's address as the edge saw it, or undefined off the edge (the socket's peer is then
 * the visitor). Only what CloudFront adds counts: its CloudFront-Viewer-Address ("ip:port"), else
 * the last X-Forwarded-For entry, which it appends; the entries before it are the client's own words.
 */
export function forwardedClientAddress(header: Headers): string | undefined {
  if (!config().TRUST_FORWARDED_HOST) return undefined;
  const viewer = header('cloudfront-viewer-address')?.trim();
  if (viewer) return viewer.replace(/:\d+$/, '');
  return header('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}

/** Lower-cased host without port or trailing dot. */
export function normaliseHost(hostHeader: string): string {
  return hostHeader.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** Which site a host names: the platform's apex, `{slug}.{PLATFORM_DOMAIN}`, or a verified custom domain. */
async function lookup(host: string): Promise<Site> {
  const apex = config().PLATFORM_DOMAIN;
  if (host === apex) return { kind: 'platform' };
  let tenantId: string | undefined;
  if (host.endsWith(`.${apex}`)) {
    const slug = host.slice(0, -apex.length - 1);
    if (!slug.includes('.')) tenantId = await getTenantIdBySlug(slug);
  } else {
    tenantId = await getTenantIdByDomain(host);
  }
  const tenant = tenantId ? await getTenantById(tenantId) : undefined;
  if (!tenant) throw new DomainError('tenant_not_found', 404, say('notFound.host', { host }));
  return { kind: 'tenant', tenant };
}

/**
 * Resolves the Host header to a site. Found sites are cached a few seconds per host, per
 * process, so a page and its API calls do not read the configuration again and again.
 */
export async function resolveHost(hostHeader: string | undefined | null): Promise<Site> {
  const host = normaliseHost(hostHeader ?? '');
  const hit = cache.get(host);
  if (hit && hit.until > Date.now()) return hit.site;
  const site = await lookup(host);
  cache.set(host, { site, until: Date.now() + CACHE_MS });
  return site;
}

/** Drops a tenant's cached hosts after its configuration changes. */
export function forgetTenant(tenantId: string) {
  for (const [host, entry] of cache) {
    if (entry.site.kind === 'tenant' && entry.site.tenant.id === tenantId) cache.delete(host);
  }
}

/** Drops one host from the cache (a custom domain added or removed). */
export function forgetHost(host: string) {
  cache.delete(normaliseHost(host));
}
