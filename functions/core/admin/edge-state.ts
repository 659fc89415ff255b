import { CERTIFICATE_FAILED, readEdgeDomain } from '../aws/index.js';
import { config } from '../config.js';
import { keyParts, tenantDomains, type EdgeRecord, type TenantDomain } from '../db/index.js';
import { log, errorFields } from '../log/index.js';
import { cnameTargets, getTenantById } from '../tenant/index.js';

/*
 * A verified custom domain's truth is the edge's: CloudFront's tenant, the domain on it and its
 * managed certificate. Only the functions that know the distribution (the stream consumer, right
 * after attaching, and the edge job) can ask it; they record what it said on the portal's domain
 * item, and the settings read that.
 */

/** Where a verified domain stands, as the settings tell the brand. */
export type EdgePhase =
  | 'local'
  | 'attaching'
  | 'missing'
  | 'certificatePending'
  | 'certificateFailed'
  | 'inactive'
  | 'deploying'
  | 'deployed';

export interface EdgeView {
  phase: EdgePhase;
  /** Whether DNS showed the CNAME the brand must create, when it was last checked. */
  cname?: boolean;
  certificate?: string;
  checkedAt?: string;
}

/** The phase of a verified domain from its last record; undefined for a domain not yet verified. */
export function edgeView(item: TenantDomain): EdgeView | undefined {
  if (!item.verified) return undefined;
  if (!config().CUSTOM_DOMAINS_AT_EDGE) return { phase: 'local' };
  const edge = item.edge;
  if (!edge) return { phase: 'attaching' };
  const seen = {
    cname: edge.cname,
    checkedAt: edge.checkedAt,
    ...(edge.certificate ? { certificate: edge.certificate } : {}),
  };
  return { phase: phaseOf(edge), ...seen };
}

function phaseOf(edge: Omit<EdgeRecord, 'watching' | 'checkedAt' | 'cname'>): EdgePhase {
  if (edge.tenant === 'missing' || edge.tenant === 'disabled') return 'missing';
  if (CERTIFICATE_FAILED.has(edge.certificate ?? '')) return 'certificateFailed';
  if (edge.certificate !== 'issued') return 'certificatePending';
  if (edge.domain === 'inactive') return 'inactive';
  return edge.tenant === 'deployed' ? 'deployed' : 'deploying';
}

/** Phases that change by themselves: the edge job reads them again. The others wait for the brand (or are done). */
const MOVING: ReadonlySet<EdgePhase> = new Set(['certificatePending', 'deploying', 'inactive']);

/**
 * Asks CloudFront and DNS where a verified domain stands and records it on the portal's domain
 * item (nothing where there is no edge, or once the domain is gone).
 */
export async function recordEdgeState(
  tenantId: string,
  host: string,
  now = new Date(),
): Promise<EdgeRecord | undefined> {
  const state = await readEdgeDomain(host);
  if (!state) return undefined;
  const tenant = await getTenantById(tenantId);
  const target = tenant ? `${tenant.slug}.${config().PLATFORM_DOMAIN}` : undefined;
  const cname = target !== undefined && (await cnameTargets(host)).includes(target);
  const edge: EdgeRecord = { ...state, cname, checkedAt: now.toISOString(), watching: MOVING.has(phaseOf(state)) };
  const index = tenantDomains.indexesOf([tenantId, host], { edge } as TenantDomain);
  const recorded = await tenantDomains.change([tenantId, host], {
    UpdateExpression: edge.watching
      ? 'SET edge = :edge, queueKey = :queueKey, queueSort = :queueSort'
      : 'SET edge = :edge REMOVE queueKey, queueSort',
    ConditionExpression: 'attribute_exists(pk) AND verified = :yes',
    ExpressionAttributeValues: {
      ':edge': edge,
      ':yes': true,
      ...(edge.watching ? { ':queueKey': index.queueKey, ':queueSort': index.queueSort } : {}),
    },
  });
  return recorded ? edge : undefined;
}

/** The edge job (every few minutes in AWS): reads again every domain whose state is still moving. */
export async function refreshEdgeDomains(now = new Date()): Promise<number> {
  let checked = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenantDomains.watched(start);
    for (const item of page.items) {
      const tenantId = keyParts.tenantOf(item.pk)!;
      try {
        await recordEdgeState(tenantId, item.host, now);
        checked++;
      } catch (error) {
        // One domain's failure must not stop the others; it is read again next time.
        log('warn', 'edge state not read', { host: item.host, ...errorFields(error) });
      }
    }
    start = page.last;
  } while (start);
  return checked;
}
