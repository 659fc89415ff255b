import { describe, expect, it } from 'vitest';
import { attachCustomDomain, detachCustomDomain, tenantNameFor } from '../../functions/core/aws/edge-domains.js';

describe('custom domains at the edge', () => {
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
