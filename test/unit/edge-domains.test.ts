import { describe, expect, it } from 'vitest';
import {
  attachCustomDomain,
  createTenantRequest,
  detachCustomDomain,
  enableTenantRequest,
  tenantNameFor,
} from '../../functions/core/aws/edge-domains.js';

const request = {
  distributionId: 'E2EXAMPLE123',
  connectionGroupId: 'cg_2wjEXAMPLE',
  host: 'ideas.brand.com',
  tenantSlug: 'brand',
};

describe('custom domains at the edge', () => {
  it('asks CloudFront for a tenant of the distribution with the domain and a managed certificate', () => {
    const xml = createTenantRequest(request);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><CreateDistributionTenantRequest xmlns="http:\/\/cloudfront.amazonaws.com\/doc\/2020-05-31\/">/,
    );
    expect(xml).toContain('<DistributionId>E2EXAMPLE123</DistributionId>');
    expect(xml).toContain('<Name>ideas.brand.com</Name>');
    expect(xml).toContain('<Domains><DomainItem><Domain>ideas.brand.com</Domain></DomainItem></Domains>');
    expect(xml).toContain('<ConnectionGroupId>cg_2wjEXAMPLE</ConnectionGroupId>');
    expect(xml).toContain(
      '<ManagedCertificateRequest><ValidationTokenHost>cloudfront</ValidationTokenHost><PrimaryDomainName>ideas.brand.com</PrimaryDomainName></ManagedCertificateRequest>',
    );
    expect(xml).toContain('<Tags><Items><Tag><Key>portal</Key><Value>brand</Value></Tag></Items></Tags>');
    expect(xml).toContain('<Enabled>true</Enabled>');
    expect(xml).not.toContain('<Customizations>'); // the certificate is CloudFront's, not the platform's wildcard
  });

  it('writes the elements in the order of the API model, and escapes what it is given', () => {
    const xml = createTenantRequest({ ...request, tenantSlug: 'a<b&c' });
    const order = [
      'DistributionId',
      'Name',
      'Domains',
      'Tags',
      'ConnectionGroupId',
      'ManagedCertificateRequest',
      'Enabled',
    ].map((tag) => xml.indexOf(`<${tag}>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xml).toContain('<Value>a&#60;b&#38;c</Value>');
  });

  it('switches a tenant off with its distribution and domain kept', () => {
    expect(enableTenantRequest({ distributionId: 'E2EXAMPLE123', host: 'ideas.brand.com', enabled: false })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><UpdateDistributionTenantRequest xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">' +
        '<DistributionId>E2EXAMPLE123</DistributionId><Domains><DomainItem><Domain>ideas.brand.com</Domain></DomainItem></Domains>' +
        '<Enabled>false</Enabled></UpdateDistributionTenantRequest>',
    );
  });

  it('names a tenant after its host, and refuses what CloudFront could not name', () => {
    expect(tenantNameFor('ideas.brand.com')).toBe('ideas.brand.com');
    expect(() => tenantNameFor(`${'a'.repeat(130)}.com`)).toThrow();
    expect(() => tenantNameFor('*.brand.com')).toThrow();
  });

  it('does nothing without an edge distribution (locally and in tests)', async () => {
    expect(process.env.EDGE_DISTRIBUTION_ID).toBeUndefined();
    await expect(attachCustomDomain('ideas.brand.com', 'brand')).resolves.toBeUndefined();
    await expect(detachCustomDomain('ideas.brand.com')).resolves.toBeUndefined();
  });
});
