import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../authz.js';
import { config } from '../config.js';
import { nowIso, type Ctx } from '../context.js';
import { domains, itemAbsent, itemExists, tenantDomains, writeAllOrNothing, type TenantDomain } from '../db/index.js';
import { DomainError, notFound, parseInput, say, says } from '../errors/index.js';
import { txtRecords, forgetHost, normaliseHost, domainClaim } from '../tenant/index.js';
import { auditWrite } from './audit.js';
import { hit } from '../ratelimit.js';
import { edgeView, type EdgeView } from './edge-state.js';

export const Hostname = z
  .string()
  .transform(normaliseHost)
  .pipe(
    z
      .string()
      .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, says('portal.domainFormat')),
  );

export interface CustomDomain {
  host: string;
  verified: boolean;
  addedAt: string;
  verifiedAt?: string;
  /** What the brand must publish in its DNS zone. */
  records: { type: 'TXT' | 'CNAME'; name: string; value: string }[];
  /** Once verified: where the domain stands at the edge, as CloudFront last said. */
  edge?: EdgeView;
}

const challengeName = (host: string) => `_portal-verify.${host}`;

function view(ctx: Ctx, item: TenantDomain): CustomDomain {
  const { host } = item;
  return {
    host,
    verified: item.verified === true,
    addedAt: item.addedAt,
    ...(item.verifiedAt ? { verifiedAt: item.verifiedAt } : {}),
    ...(item.verified ? { edge: edgeView(item) } : {}),
    records: [
      { type: 'TXT', name: challengeName(host), value: `portal-verify=${item.token}` },
      { type: 'CNAME', name: host, value: `${ctx.tenant.slug}.${config().PLATFORM_DOMAIN}` },
    ],
  };
}

async function ownDomain(ctx: Ctx, host: string) {
  const item = await tenantDomains.get([ctx.tenant.id, host], { consistent: true });
  if (!item) throw notFound('domain');
  return item;
}

export async function listDomains(ctx: Ctx): Promise<CustomDomain[]> {
  authorize(ctx, 'portal.configure');
  return (await tenantDomains.ofTenant(ctx.tenant.id)).map((item) => view(ctx, item));
}

/**
 * The brand names a domain; it gets a verification token to publish as TXT. Nothing routes to
 * the portal yet: only a verified domain claims the host for one portal.
 */
export async function addDomain(ctx: Ctx, input: { domain: string }): Promise<CustomDomain> {
  authorize(ctx, 'portal.configure');
  const { domain: host } = parseInput(z.object({ domain: Hostname }), input);
  const apex = config().PLATFORM_DOMAIN;
  if (host === apex || host.endsWith(`.${apex}`))
    throw new DomainError('invalid_input', 400, say('portal.platformDomain'), { domain: say('portal.platformDomain') });
  const domains = await listDomains(ctx);
  const existing = domains.find((d) => d.host === host);
  if (existing) return existing;
  if (domains.length >= 5) throw new DomainError('too_many_domains', 400, say('portal.tooManyDomains', { max: 5 }));
  // Adding and removing again would make a CloudFront tenant and a certificate request each time.
  await hit(ctx, 'domain:portal', ctx.tenant.id);
  const item: TenantDomain = {
    host,
    token: randomBytes(18).toString('base64url'),
    verified: false,
    addedAt: nowIso(ctx),
  };
  const written = await writeAllOrNothing([
    tenantDomains.put([ctx.tenant.id, host], item, itemAbsent),
    auditWrite(ctx, 'domain.add', { domain: host }),
  ]);
  if (!written.ok) return view(ctx, await ownDomain(ctx, host));
  return view(ctx, item);
}

/**
 * Checks the TXT record; when it holds the token, the host is claimed for this portal in the
 * same transaction as the portal's own record, only if no other portal holds it. The edge
 * learns of it from the table's stream (see edge-sync.ts).
 */
export async function verifyDomain(ctx: Ctx, hostInput: string): Promise<CustomDomain> {
  authorize(ctx, 'portal.configure');
  const host = parseInput(Hostname, hostInput);
  const item = await ownDomain(ctx, host);
  if (item.verified === true) {
    // Verifying again rewrites the host's claim: the table's stream then asks the edge to serve it again (a retry after an edge failure).
    const again = await writeAllOrNothing([domainClaim(ctx.tenant.id, host, nowIso(ctx))]);
    if (!again.ok)
      throw new DomainError('domain_taken', 409, say('portal.domainTaken'), { domain: say('portal.domainTaken') });
    return view(ctx, item);
  }
  const expected = `portal-verify=${item.token}`;
  if (!(await txtRecords(challengeName(host))).includes(expected)) {
    throw new DomainError('domain_unverified', 422, say('portal.txtMissing', { name: challengeName(host) }));
  }
  const verifiedAt = nowIso(ctx);
  const written = await writeAllOrNothing([
    domainClaim(ctx.tenant.id, host, verifiedAt),
    tenantDomains.put([ctx.tenant.id, host], { ...item, verified: true, verifiedAt }, itemExists),
    auditWrite(ctx, 'domain.verify', { domain: host }),
  ]);
  if (!written.ok) {
    if (written.failed[0])
      throw new DomainError('domain_taken', 409, say('portal.domainTaken'), { domain: say('portal.domainTaken') });
    throw notFound('domain');
  }
  forgetHost(host);
  return view(ctx, { ...item, verified: true, verifiedAt });
}

/** Removes the domain: the host stops resolving to the portal at once (the edge follows from the stream). */
export async function removeDomain(ctx: Ctx, hostInput: string): Promise<void> {
  authorize(ctx, 'portal.configure');
  const host = parseInput(Hostname, hostInput);
  const item = await ownDomain(ctx, host);
  const written = await writeAllOrNothing([
    tenantDomains.remove([ctx.tenant.id, host]),
    ...(item.verified === true
      ? [
          domains.remove([host], {
            ConditionExpression: 'tenantId = :t',
            ExpressionAttributeValues: { ':t': ctx.tenant.id },
          }),
        ]
      : []),
    auditWrite(ctx, 'domain.remove', { domain: host }),
  ]);
  if (!written.ok) throw notFound('domain');
  forgetHost(host);
}
