import { getObjectText } from '../aws/index.js';
import { errorFields, log } from '../log/index.js';
import { keys, offerLogEntries, offers, unappliedEntries, type LogPosition, type Write } from '../db/index.js';
import { markdownToText } from '../idea/index.js';
import { newId } from '../ids.js';
import { offerOf, type Offer } from './offer-item.js';
import { OfferIndex, VISIBILITIES, type OfferDoc, type OfferIndexJSON } from './engine/index.js';

/*
 * Where a portal's offer index comes from and how it stays current. Every write that changes
 * what the search shows (publish, edit of a published offer, withdraw) appends an entry to the
 * portal's offer log in the same transaction. A process keeps the index in memory: it loads the
 * S3 snapshot on first use (or builds from the table's published lists when there is none),
 * then, before each search, applies the log entries written since (one Query, usually empty).
 * So the author's next search sees their write. The stream consumer re-saves the snapshot after
 * offer changes, so a cold start has little log to apply; log entries expire after 30 days.
 */

interface Loaded extends LogPosition {
  index: OfferIndex;
}

export interface OfferSnapshot {
  lastSk: string;
  index: OfferIndexJSON;
}

const LOG_TTL_SECONDS = 30 * 24 * 3600;

const loaded = new Map<string, Loaded>();

/** What the search holds of a published offer; the description as plain text. */
export function offerDoc(offer: Offer): OfferDoc {
  return {
    id: offer.id,
    title: offer.title,
    summary: offer.summary,
    description: markdownToText(offer.description),
    keywords: offer.keywords,
    maturity: offer.maturity!,
    trl: offer.trl!,
    sectors: offer.sectors,
    ip: offer.ip!,
    partnerships: offer.partnerships,
    country: offer.country!,
    visibility: offer.visibility,
    partnerId: offer.partnerId,
    publishedAt: offer.publishedAt!,
  };
}

/** The log entry written with an offer change: the document, or that it left the search. */
export function offerLogWrite(tenantId: string, offer: Offer): Write {
  return offerLogEntries.put([tenantId, offer.updatedAt, offer.id, newId()], {
    offerId: offer.id,
    ...(offer.state === 'published' ? { doc: offerDoc(offer) } : {}),
    expiresAt: Math.floor(new Date(offer.updatedAt).getTime() / 1000) + LOG_TTL_SECONDS,
  });
}

/** The portal's published offers straight from the table (no snapshot yet). */
async function fromTable(tenantId: string): Promise<Loaded> {
  const lastSk = new Date().toISOString();
  const index = OfferIndex.empty();
  for (const visibility of VISIBILITIES) {
    for await (const item of offers.published(tenantId, visibility)) {
      index.add(offerDoc(offerOf(item)));
    }
  }
  return { index, lastSk, latest: new Map() };
}

async function fromSnapshot(tenantId: string): Promise<Loaded | undefined> {
  try {
    const text = await getObjectText(keys.offerSnapshot(tenantId));
    if (!text) return undefined;
    const snapshot = JSON.parse(text) as OfferSnapshot;
    return { index: OfferIndex.load(snapshot.index), lastSk: snapshot.lastSk, latest: new Map() };
  } catch (error) {
    // An unreadable snapshot (the local emulator can cut a read short or serve one half-written
    // while the stream rewrites it) must not stop the search: the table has it all.
    log('warn', 'offer snapshot unreadable, rebuilding from the table', { tenantId, ...errorFields(error) });
    return undefined;
  }
}

/** The portal's offer index in this process, with every logged change applied. */
export async function freshOfferIndex(tenantId: string): Promise<OfferIndex> {
  return (await refreshed(tenantId)).index;
}

async function refreshed(tenantId: string): Promise<Loaded> {
  let state = loaded.get(tenantId);
  if (!state) {
    state = (await fromSnapshot(tenantId)) ?? (await fromTable(tenantId));
    loaded.set(tenantId, state);
  }
  for await (const entry of unappliedEntries(keys.offerLog(tenantId), state, (e) => String(e.offerId))) {
    if (entry.doc) state.index.add(entry.doc as OfferDoc);
    else state.index.remove(String(entry.offerId));
  }
  return state;
}

/** The snapshot to store: the index and the newest log entry it holds. */
export async function offerSnapshot(tenantId: string): Promise<string> {
  const { index, lastSk } = await refreshed(tenantId);
  return JSON.stringify({ lastSk, index: index.toJSON() } satisfies OfferSnapshot);
}

/** Forgets the in-memory indexes (tests measure a cold load with it). */
export function dropOfferIndexes() {
  loaded.clear();
}
