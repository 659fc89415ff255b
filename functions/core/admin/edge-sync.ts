import { attachCustomDomain, detachCustomDomain } from '../aws/index.js';
import { entityTypeOf, keyParts } from '../db/index.js';
import type { Change } from '../stream/index.js';
import { recordEdgeState } from './edge-state.js';

/**
 * Keeps the edge in step with the verified custom domains, from the table's stream: the API
 * function cannot know the distribution (it is one of its origins, a deployment cycle), and the
 * stream retries a failed call. Both calls may repeat safely; locally they do nothing.
 */
export async function syncEdgeDomains(changes: Change[]): Promise<void> {
  for (const change of changes) {
    const image = change.newImage ?? change.oldImage;
    const host = entityTypeOf(image) === 'domain' ? keyParts.domainHost(String(image?.pk)) : undefined;
    if (!host) continue;
    if (change.kind === 'REMOVE') await detachCustomDomain(host);
    else if (change.newImage?.verified === true) {
      const tenantId = String(change.newImage.tenantId);
      await attachCustomDomain(host, tenantId);
      // What the edge says now (usually: certificate pending); the edge job follows it from there.
      await recordEdgeState(tenantId, host);
    }
  }
}
