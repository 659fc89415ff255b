import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Tenant } from '../../tenant/index.js';
import { db, tableName } from '../client.js';
import { defineEntity, type Stored } from '../entity.js';
import { keys } from '../keys.js';
import { queryAll } from '../query.js';

/** Every portal of the platform, for the platform's jobs (the weekly digest): the platform owns the tenant items. */
export const everyTenantId = async function* () {
  for await (const item of queryAll({
    IndexName: 'byOwner',
    KeyConditionExpression: 'ownerKey = :p',
    ExpressionAttributeValues: { ':p': keys.allTenants() },
  }))
    yield String(item.id);
};

/** A portal's whole configuration, one item; every portal is owned by the platform, public ones listed on its page. */
const tenant = defineEntity<Tenant, [tenantId: string]>({
  type: 'tenant',
  key: keys.tenant,
  indexes: (t) => ({
    ownerKey: keys.allTenants(),
    ownerSort: `${t.createdAt}#${t.id}`,
    ...(t.visibility === 'public' ? { listKey: keys.publicPortals(), listSort: `${t.createdAt}#${t.id}` } : {}),
  }),
});

export const tenants = {
  ...tenant,
  /** The public portals of the platform page, newest first. */
  async publicOnes(limit: number) {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byList',
        KeyConditionExpression: 'listKey = :k',
        ExpressionAttributeValues: { ':k': keys.publicPortals() },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items as Stored<Tenant>[];
  },
};

/** A slug claimed by a portal: `{slug}.{platform domain}` resolves through it. */
export const slugs = defineEntity<{ tenantId: string }, [slug: string]>({ type: 'slug', key: keys.slug });

/** A verified custom domain claimed by a portal: only these resolve to it. */
export const domains = defineEntity<{ tenantId: string; verified: boolean; claimedAt: string }, [host: string]>({
  type: 'domain',
  key: keys.domain,
});

/** What the edge (CloudFront) last said of a verified custom domain, and whether its CNAME was seen. */
export interface EdgeRecord {
  /** The domain's distribution tenant. */
  tenant: 'missing' | 'disabled' | 'deploying' | 'deployed';
  /** CloudFront's status of the domain on that tenant. */
  domain?: 'active' | 'inactive';
  /** The managed certificate's status (pending-validation, issued, failed, validation-timed-out...). */
  certificate?: string;
  /** Whether DNS shows the CNAME the brand must create. */
  cname: boolean;
  checkedAt: string;
  /** Still moving: read again by the edge job until it settles. */
  watching: boolean;
}

/** A custom domain as the portal knows it, verified or not, with the token its TXT record must hold. */
export interface TenantDomain {
  host: string;
  token: string;
  verified: boolean;
  addedAt: string;
  verifiedAt?: string;
  edge?: EdgeRecord;
}

const tenantDomain = defineEntity<TenantDomain, [tenantId: string, host: string]>({
  type: 'tenantDomain',
  key: keys.tenantDomain,
  // Only while its edge state is still moving is a domain in the edge job's list.
  indexes: (item, tenantId, host): Record<string, string> =>
    item.edge?.watching ? { queueKey: keys.edgeWatch(), queueSort: `${tenantId}#${host}` } : {},
});

export const tenantDomains = {
  ...tenantDomain,
  /** Every custom domain of a portal (at most five), in the portal's own partition. */
  /** The domains whose edge state is still moving, across portals (a page at a time). */
  watched: (start?: Record<string, unknown>) =>
    tenantDomain.query({ index: 'byQueue', key: keys.edgeWatch() }, { limit: 50, start }),
  ofTenant: async (tenantId: string) => {
    const found: Stored<TenantDomain>[] = [];
    for await (const item of tenantDomain.queryAll({
      pk: keys.tenantPartition(tenantId),
      prefix: keys.tenantDomainPrefix,
    }))
      found.push(item);
    return found;
  },
};
