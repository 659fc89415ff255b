import { attachCustomDomain, detachCustomDomain } from '../aws/index.js';
import { keyParts } from '../db/index.js';
import type { Change } from '../notify/index.js';

/**
 * Keeps the edge in step with the verified custom domains, from the table's stream: the API
 * function cannot know the distribution (it is one of its origins, a deployment cycle), and the
 * stream retries a failed call. Both calls may repeat safely; locally they do nothing.
 */
export async function syncEdgeDomains(changes: Change[]): Promise<void> {
  for (const change of changes) {
    const image = change.newImage ?? change.oldImage;
    const host = image && keyParts.domainHost(String(image.pk));
    if (!host || image.sk !== 'DOMAIN') continue;
    if (change.kind === 'REMOVE') await detachCustomDomain(host);
    else if (change.newImage?.verified === true) await attachCustomDomain(host, String(change.newImage.tenantId));
  }
}
