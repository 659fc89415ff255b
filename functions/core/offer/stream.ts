import type { NotificationKind } from '../notify/index.js';
import type { Change } from '../stream/index.js';
import { deliver } from '../notify/index.js';
import { entityTypeOf, keyParts, members, threads } from '../db/index.js';
import { offerOf } from './offer-item.js';
import { partnerMemberIds } from './partners.js';
import { savedSearchesMatching } from './saved.js';
import { saveOfferSnapshot } from './snapshot.js';

/**
 * What the table's stream does for technology offers, off the request path: re-save each
 * touched portal's index snapshot (once per batch), alert the saved searches a newly published
 * offer answers, and tell the other side of a thread about a new message.
 */
export async function offerChanges(changes: Change[]): Promise<void> {
  const snapshots = new Set<string>();
  for (const change of changes) {
    const item = change.newImage ?? change.oldImage;
    const tenantId = item && keyParts.tenantOf(String(item.pk));
    if (!item || !tenantId) continue;
    const entity = entityTypeOf(item);
    if (entity === 'offer') {
      snapshots.add(tenantId);
      if (change.newImage?.state === 'published' && change.oldImage?.state !== 'published')
        await onPublished(change.id, tenantId, change.newImage);
    }
    if (change.kind === 'INSERT' && entity === 'threadMessage') await onMessage(change.id, tenantId, item);
  }
  for (const tenantId of snapshots) await saveOfferSnapshot(tenantId);
}

const readMember = (tenantId: string, id: string) => members.get([tenantId, id]);

async function onPublished(eventId: string, tenantId: string, item: Record<string, unknown>) {
  const offer = offerOf(item);
  const ownPeople = new Set((await partnerMemberIds(tenantId, offer.partnerId)).map((m) => m.memberId));
  const hits = await savedSearchesMatching(tenantId, offer, (id) => readMember(tenantId, id), ownPeople);
  for (const { memberId, search } of hits) {
    await deliver(
      `${eventId}:${search.id}`,
      tenantId,
      new Map<string, NotificationKind>([[memberId, 'offer_match']]),
      {
        offerId: offer.id,
        offerTitle: offer.title,
        searchName: search.name,
        createdAt: offer.publishedAt ?? offer.updatedAt,
      },
      { path: `/offers/${offer.id}`, params: () => ({ offer: offer.title, search: search.name }) },
    );
  }
}

async function onMessage(eventId: string, tenantId: string, message: Record<string, unknown>) {
  const threadId = String(message.threadId);
  const thread = await threads.get([tenantId, threadId]);
  if (!thread) return;
  const recipients =
    message.side === 'team'
      ? (await partnerMemberIds(tenantId, String(thread.partnerId))).map((m) => m.memberId)
      : [...((thread.teamPeople as Set<string> | undefined) ?? [])];
  const to = new Map<string, NotificationKind>(
    recipients.filter((id) => id !== message.by).map((id) => [id, 'thread_message']),
  );
  const actorName = String(message.byName);
  await deliver(
    eventId,
    tenantId,
    to,
    {
      offerId: String(thread.offerId),
      offerTitle: String(thread.offerTitle),
      threadId,
      actorName,
      createdAt: String(message.at),
    },
    { path: `/threads/${threadId}`, params: () => ({ offer: String(thread.offerTitle), actor: actorName }) },
  );
}
