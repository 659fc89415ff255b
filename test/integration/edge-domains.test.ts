import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addDomain,
  listDomains,
  recordEdgeState,
  refreshEdgeDomains,
  syncEdgeDomains,
  verifyDomain,
} from '../../functions/core/admin/index.js';
import { attachCustomDomain, detachCustomDomain } from '../../functions/core/aws/index.js';
import type { Ctx } from '../../functions/core/context.js';
import { domains, tenantDomains } from '../../functions/core/db/index.js';
import type { Change } from '../../functions/core/stream/index.js';
import { asMember, makeMembers, makeTenant } from '../support/tenants.js';

/**
 * A stand-in for CloudFront's distribution-tenant API (REST/XML, 2020-05-31), holding tenants in
 * memory: it sees the requests exactly as the official client writes them.
 */
type Tenant = {
  id: string;
  name: string;
  domain: string;
  connectionGroupId: string;
  enabled: boolean;
  etag: string;
  /** What the test makes CloudFront say: deployment, domain and certificate states. */
  status?: 'InProgress' | 'Deployed';
  domainStatus?: 'active' | 'inactive';
  certificate?: string;
};
const tenants = new Map<string, Tenant>();
const calls: { method: string; path: string; ifMatch?: string; body: string }[] = [];
let serial = 0;

const xmlOf = (t: Tenant) =>
  `<?xml version="1.0" encoding="UTF-8"?><DistributionTenant xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">` +
  `<Id>${t.id}</Id><DistributionId>E2EXAMPLE</DistributionId><Name>${t.name}</Name>` +
  `<Arn>arn:aws:cloudfront::123456789012:distribution-tenant/${t.id}</Arn>` +
  `<Domains><DomainResult><Domain>${t.domain}</Domain><Status>${t.domainStatus ?? 'active'}</Status></DomainResult></Domains>` +
  `<ConnectionGroupId>${t.connectionGroupId}</ConnectionGroupId><CreatedTime>2026-12-05T10:00:00Z</CreatedTime>` +
  `<LastModifiedTime>2026-12-05T10:00:00Z</LastModifiedTime><Enabled>${t.enabled}</Enabled><Status>${t.status ?? 'Deployed'}</Status></DistributionTenant>`;
const certificateXml = (t: Tenant) =>
  `<?xml version="1.0" encoding="UTF-8"?><ManagedCertificateDetails xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">` +
  `<CertificateArn>arn:aws:acm:us-east-1:123456789012:certificate/${t.id}</CertificateArn>` +
  `<CertificateStatus>${t.certificate}</CertificateStatus><ValidationTokenHost>cloudfront</ValidationTokenHost></ManagedCertificateDetails>`;
const field = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

const cloudfront = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const path = req.url ?? '';
    calls.push({ method: req.method ?? '', path, ifMatch: req.headers['if-match'] as string | undefined, body });
    const key = decodeURIComponent(path.replace(/^\/2020-05-31\/(distribution-tenant|managed-certificate)\/?/, ''));
    const found = [...tenants.values()].find((t) => t.id === key || t.name === key);
    const answer = (status: number, t?: Tenant) => {
      res.writeHead(status, { 'content-type': 'text/xml', ...(t ? { etag: t.etag } : {}) });
      res.end(t ? xmlOf(t) : '');
    };
    if (req.method === 'POST') {
      const t: Tenant = {
        status: 'InProgress',
        domainStatus: 'inactive',
        certificate: 'pending-validation',
        id: `dt_${++serial}`,
        name: field(body, 'Name')!,
        domain: field(body, 'Domain')!,
        connectionGroupId: field(body, 'ConnectionGroupId')!,
        enabled: field(body, 'Enabled') === 'true',
        etag: `E${++serial}`,
      };
      tenants.set(t.id, t);
      return answer(201, t);
    }
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/xml' });
      return void res.end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>EntityNotFound</Code><Message>No tenant.</Message></Error><RequestId>r</RequestId></ErrorResponse>',
      );
    }
    if (req.method === 'GET' && path.includes('/managed-certificate/')) {
      if (!found.certificate) {
        res.writeHead(404, { 'content-type': 'text/xml' });
        return void res.end('<ErrorResponse><Error><Code>EntityNotFound</Code></Error></ErrorResponse>');
      }
      res.writeHead(200, { 'content-type': 'text/xml' });
      return void res.end(certificateXml(found));
    }
    if (req.method === 'GET') return answer(200, found);
    if (req.headers['if-match'] !== found.etag) return answer(412);
    if (req.method === 'PUT') {
      Object.assign(found, { enabled: field(body, 'Enabled') === 'true', etag: `E${++serial}` });
      // A new certificate request starts validation again.
      if (body.includes('<ManagedCertificateRequest>')) found.certificate = 'pending-validation';
      return answer(200, found);
    }
    tenants.delete(found.id);
    return answer(204);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => cloudfront.listen(0, '127.0.0.1', resolve));
  // Read lazily by config(): this file's modules see them from their first call.
  process.env.CLOUDFRONT_ENDPOINT = `http://127.0.0.1:${(cloudfront.address() as AddressInfo).port}`;
  process.env.EDGE_DISTRIBUTION_ID = 'E2EXAMPLE';
  process.env.CUSTOM_DOMAINS_AT_EDGE = 'true';
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  // The platform's own tenant, as the stack creates it (named after the platform domain).
  const platform = { id: 'dt_platform', name: 'localhost', domain: 'localhost', connectionGroupId: 'cg_2wjEXAMPLE' };
  tenants.set(platform.id, { ...platform, enabled: true, etag: 'E0' });
});
afterAll(() => new Promise<void>((resolve) => cloudfront.close(() => resolve())));

describe('custom domains at the edge, through the CloudFront client', () => {
  it('creates a tenant of the distribution in the platform’s connection group, with a managed certificate', async () => {
    await attachCustomDomain('ideas.brand.com', 'brand');
    const create = calls.find((c) => c.method === 'POST')!;
    expect(create.path).toBe('/2020-05-31/distribution-tenant');
    for (const [tag, value] of [
      ['DistributionId', 'E2EXAMPLE'],
      ['Name', 'ideas.brand.com'],
      ['Domain', 'ideas.brand.com'],
      ['ConnectionGroupId', 'cg_2wjEXAMPLE'],
      ['ValidationTokenHost', 'cloudfront'],
      ['PrimaryDomainName', 'ideas.brand.com'],
      ['Enabled', 'true'],
    ])
      expect(field(create.body, tag!), tag).toBe(value);
    expect(create.body).toMatch(/<Tags><Items><Tag><Key>portal<\/Key><Value>brand<\/Value><\/Tag><\/Items><\/Tags>/);
    expect([...tenants.values()].map((t) => t.name).sort()).toEqual(['ideas.brand.com', 'localhost']);

    calls.length = 0;
    await attachCustomDomain('ideas.brand.com', 'brand'); // again: found, enabled, its certificate on its way: nothing written
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET']);
  });

  it('disables, then deletes a tenant with the ETag CloudFront gave, and detaching again does nothing', async () => {
    calls.length = 0;
    await detachCustomDomain('ideas.brand.com');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT', 'DELETE']);
    expect(field(calls[1]!.body, 'Enabled')).toBe('false');
    expect(calls[2]!.ifMatch).toBeTruthy();
    expect([...tenants.values()].map((t) => t.name)).toEqual(['localhost']);
    calls.length = 0;
    await detachCustomDomain('ideas.brand.com');
    expect(calls.map((c) => c.method)).toEqual(['GET']);
  });
});

/** A portal's verified domain, through the settings as an owner does it (TXT record published first). */
async function verifiedDomain(host: string) {
  const tenant = await makeTenant();
  const [owner] = await makeMembers(tenant, 1);
  const ctx: Ctx = {
    ...asMember(tenant, owner!),
    actor: { ...asMember(tenant, owner!).actor, role: 'owner' } as Ctx['actor'],
  };
  const added = await addDomain(ctx, { domain: host });
  const txt = added.records.find((r) => r.type === 'TXT')!;
  writeFileSync(join(process.env.DNS_TXT_DIR!, `${txt.name}.txt`), `${txt.value}\n`);
  await verifyDomain(ctx, host);
  return { tenant, ctx, cname: added.records.find((r) => r.type === 'CNAME')! };
}

/** What the table's stream hands the edge consumer when a host's claim is written. */
const claimWritten = async (host: string): Promise<Change[]> => [
  { id: `claim-${host}`, kind: 'MODIFY', newImage: (await domains.get([host], { consistent: true }))! },
];

const edgeOf = async (ctx: Ctx, host: string) => (await listDomains(ctx)).find((d) => d.host === host)!.edge;
const watchedHosts = async () => (await tenantDomains.watched()).items.map((item) => item.host);
const tenantNamed = (name: string) => [...tenants.values()].find((t) => t.name === name)!;

describe('a custom domain’s state, as CloudFront tells it', () => {
  it('follows a new domain from certificate pending (CNAME missing) to deployed, then stops watching it', async () => {
    const host = `ideas-${Date.now()}.brand.com`;
    const { ctx, cname } = await verifiedDomain(host);
    // Verified, not yet attached: the settings say so rather than "verified".
    expect(await edgeOf(ctx, host)).toEqual({ phase: 'attaching' });

    await syncEdgeDomains(await claimWritten(host));
    expect(await edgeOf(ctx, host)).toMatchObject({
      phase: 'certificatePending',
      certificate: 'pending-validation',
      cname: false,
    });
    expect(await watchedHosts()).toContain(host);

    // The brand creates its CNAME; CloudFront validates and deploys.
    writeFileSync(join(process.env.DNS_TXT_DIR!, `${host}.cname.txt`), `${cname.value}.\n`);
    Object.assign(tenantNamed(host), { certificate: 'issued', domainStatus: 'active' });
    expect(await refreshEdgeDomains()).toBeGreaterThanOrEqual(1);
    expect(await edgeOf(ctx, host)).toMatchObject({ phase: 'deploying', cname: true });

    tenantNamed(host).status = 'Deployed';
    await refreshEdgeDomains();
    expect(await edgeOf(ctx, host)).toMatchObject({ phase: 'deployed', certificate: 'issued', cname: true });
    expect(await watchedHosts()).not.toContain(host);
  });

  it('tells the brand when the certificate failed, and asks CloudFront for a new one when they verify again', async () => {
    const host = `shop-${Date.now()}.brand.com`;
    const { ctx } = await verifiedDomain(host);
    await syncEdgeDomains(await claimWritten(host));
    tenantNamed(host).certificate = 'validation-timed-out';
    await refreshEdgeDomains();
    expect(await edgeOf(ctx, host)).toMatchObject({ phase: 'certificateFailed', cname: false });
    // Nothing will change by itself: no longer read by the job.
    expect(await watchedHosts()).not.toContain(host);

    // Verify again: the claim is written again, the stream re-attaches, and CloudFront is asked for a certificate.
    calls.length = 0;
    await verifyDomain(ctx, host);
    await syncEdgeDomains(await claimWritten(host));
    const update = calls.find((c) => c.method === 'PUT');
    expect(update?.body).toContain('<ManagedCertificateRequest>');
    expect(await edgeOf(ctx, host)).toMatchObject({ phase: 'certificatePending' });
    expect(await watchedHosts()).toContain(host);
  });

  it('says so when the edge has no tenant for the domain', async () => {
    const host = `gone-${Date.now()}.brand.com`;
    const { tenant, ctx } = await verifiedDomain(host);
    await recordEdgeState(tenant.id, host);
    expect(await edgeOf(ctx, host)).toMatchObject({ phase: 'missing' });
  });
});
