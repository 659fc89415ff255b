import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { app } from '../../functions/api/full.js';
import { visitor } from '../../functions/core/context.js';
import { bucketName, db, s3, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import { dropOfferIndexes, searchOffers } from '../../functions/core/offer/index.js';
import { OfferIndex, type OfferDoc } from '../../functions/core/offer/engine/index.js';
import { hostOf, makeTenant } from '../support/tenants.js';
import { generator } from './offer-search.js';

type Recorder = (what: string, value: string, target?: string) => void;

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** The offer items as the core stores published ones (so the search can read its hits back). */
async function writeOffers(tenantId: string, docs: OfferDoc[]) {
  const items = docs.map((doc) => ({
    ...keys.offer(tenantId, doc.id),
    ...doc,
    description: doc.description.slice(0, 600),
    partnerName: doc.partnerId,
    authorId: 'bench',
    attachments: [],
    state: 'published',
    createdAt: doc.publishedAt,
    updatedAt: doc.publishedAt,
    listKey: keys.offersList(tenantId, doc.visibility),
    listSort: `${doc.publishedAt}#${doc.id}`,
  }));
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  const workers = Array.from({ length: 8 }, async () => {
    for (let batch = batches.pop(); batch; batch = batches.pop()) {
      let request: Record<string, unknown[]> | undefined = {
        [tableName()]: batch.map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && Object.keys(request).length) {
        const result = await db().send(new BatchWriteCommand({ RequestItems: request as never }));
        request = result.UnprocessedItems as typeof request;
      }
    }
  });
  await Promise.all(workers);
}

/**
 * Offer search as a portal serves it: the snapshot in the S3 emulator, the offers in DynamoDB
 * Local, a cold process loading the snapshot on its first search, then `GET /api/offers/search`
 * through the whole API (index search, facets, reading the page's offers back) as a visitor.
 */
async function measure(record: Recorder, count: number) {
  const label = `offer search API, ${count.toLocaleString('en')} offers`;
  const atTarget = count === 50_000;
  const tenant = await makeTenant();
  const { offer, query } = generator(count + 1);
  const docs = Array.from({ length: count }, (_, i) => ({ ...offer(i), id: `o${String(i).padStart(19, '0')}` }));
  await writeOffers(tenant.id, docs);
  const index = OfferIndex.empty();
  index.addAll(docs);
  const body = JSON.stringify({ lastSk: new Date().toISOString(), index: index.toJSON() });
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: keys.offerSnapshot(tenant.id),
      Body: body,
      ContentType: 'application/json',
    }),
  );

  dropOfferIndexes();
  const t = performance.now();
  await searchOffers({ tenant, actor: visitor }, { q: 'battery' });
  record(
    `${label}: cold first search (snapshot from S3, load, log check)`,
    ms(performance.now() - t),
    atTarget ? '≤ 500 ms' : '',
  );

  const host = hostOf(tenant);
  const latencies: number[] = [];
  const paths = Array.from({ length: 200 }, () => {
    const q = query();
    const params = new URLSearchParams({ ...(q.q ? { q: q.q } : {}), sort: q.sort ?? 'relevance' });
    for (const [name, value] of Object.entries(q.filters ?? {})) params.set(name, String(value));
    return `/api/offers/search?${params}`;
  });
  for (const path of paths.slice(0, 20))
    await (await app.request(`http://${host}${path}`, { headers: { host } })).arrayBuffer();
  for (const path of paths) {
    const started = performance.now();
    const res = await app.request(`http://${host}${path}`, { headers: { host } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  record(
    `${label}: GET /api/offers/search p50 / p99 (200 calls, page read back from DynamoDB Local)`,
    `${ms(percentile(latencies, 0.5))} / ${ms(percentile(latencies, 0.99))}`,
  );
}

export async function offerApiLoad(record: Recorder) {
  await measure(record, 1_000);
  await measure(record, 50_000);
}
