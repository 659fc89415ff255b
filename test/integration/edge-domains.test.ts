import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCustomDomain, detachCustomDomain } from '../../functions/core/aws/index.js';

/**
 * A stand-in for CloudFront's distribution-tenant API (REST/XML, 2020-05-31), holding tenants in
 * memory: it sees the requests exactly as the official client writes them.
 */
type Tenant = { id: string; name: string; domain: string; connectionGroupId: string; enabled: boolean; etag: string };
const tenants = new Map<string, Tenant>();
const calls: { method: string; path: string; ifMatch?: string; body: string }[] = [];
let serial = 0;

const xmlOf = (t: Tenant) =>
  `<?xml version="1.0" encoding="UTF-8"?><DistributionTenant xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">` +
  `<Id>${t.id}</Id><DistributionId>E2EXAMPLE</DistributionId><Name>${t.name}</Name>` +
  `<Arn>arn:aws:cloudfront::123456789012:distribution-tenant/${t.id}</Arn>` +
  `<Domains><DomainResult><Domain>${t.domain}</Domain><Status>active</Status></DomainResult></Domains>` +
  `<ConnectionGroupId>${t.connectionGroupId}</ConnectionGroupId><CreatedTime>2026-12-05T10:00:00Z</CreatedTime>` +
  `<LastModifiedTime>2026-12-05T10:00:00Z</LastModifiedTime><Enabled>${t.enabled}</Enabled><Status>Deployed</Status></DistributionTenant>`;
const field = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

const cloudfront = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const path = req.url ?? '';
    calls.push({ method: req.method ?? '', path, ifMatch: req.headers['if-match'] as string | undefined, body });
    const key = decodeURIComponent(path.replace(/^\/2020-05-31\/distribution-tenant\/?/, ''));
    const found = [...tenants.values()].find((t) => t.id === key || t.name === key);
    const answer = (status: number, t?: Tenant) => {
      res.writeHead(status, { 'content-type': 'text/xml', ...(t ? { etag: t.etag } : {}) });
      res.end(t ? xmlOf(t) : '');
    };
    if (req.method === 'POST') {
      const t: Tenant = {
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
    if (req.method === 'GET') return answer(200, found);
    if (req.headers['if-match'] !== found.etag) return answer(412);
    if (req.method === 'PUT') {
      Object.assign(found, { enabled: field(body, 'Enabled') === 'true', etag: `E${++serial}` });
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
    await attachCustomDomain('ideas.brand.com', 'brand'); // again: found, enabled, nothing written
    expect(calls.map((c) => c.method)).toEqual(['GET']);
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
