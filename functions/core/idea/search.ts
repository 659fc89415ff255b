import MiniSearch from 'minisearch';
import { z } from 'zod';
import { requireReader } from '../authz.js';
import { getObjectText } from '../aws/index.js';
import { keys, searchLogEntries, unappliedEntries, type LogPosition, type Write } from '../db/index.js';
import { newId } from '../ids.js';
import { markdownToText } from './markdown.js';
import type { Idea } from './schema.js';
import { searchTerm } from '../text/index.js';
import { fn } from '../fn.js';

/**
 * Word search and similar ideas over one portal's ideas. Every write that changes an idea's
 * text or visibility appends an entry to the portal's search log, in the same transaction as the
 * idea; a search first applies the log entries it has not seen (usually none: one Query), then
 * searches an in-memory MiniSearch index kept per portal and per process. So a search always
 * sees the searcher's own last write. docs/architecture.md gives the costs and the next steps.
 */
interface Doc {
  id: string;
  title: string;
  text: string;
  sectionId: string;
  status: string;
}

/** The index and how far it has read the portal's search log. */
export interface PortalIndex extends LogPosition {
  mini: MiniSearch<Doc>;
}

const indexes = new Map<string, PortalIndex>();

const OPTIONS = {
  fields: ['title', 'text'],
  storeFields: ['title', 'sectionId', 'status'],
  processTerm: searchTerm,
  searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'OR' as const },
};
const newIndex = () => new MiniSearch<Doc>(OPTIONS);

/** The snapshot a cold instance starts from: the index as JSON and the last log entry it holds. */
export interface Snapshot {
  lastSk: string;
  index: ReturnType<MiniSearch<Doc>['toJSON']>;
}

async function fromSnapshot(tenantId: string): Promise<PortalIndex | undefined> {
  const text = await getObjectText(keys.searchSnapshot(tenantId));
  if (!text) return undefined;
  const snapshot = JSON.parse(text) as Snapshot;
  return { mini: MiniSearch.loadJS<Doc>(snapshot.index, OPTIONS), lastSk: snapshot.lastSk, latest: new Map() };
}

/** The log entry written with an idea: what the index needs, and whether the idea is visible. */
export function searchLogWrite(tenantId: string, idea: Idea): Write {
  return searchLogEntries.put([tenantId, idea.updatedAt, idea.id, newId()], searchLogFields(idea));
}

export const searchLogFields = (idea: Idea) => ({
  ideaId: idea.id,
  title: idea.title,
  text: markdownToText(idea.body).slice(0, 4000),
  sectionId: idea.sectionId,
  status: idea.status,
  visible: !idea.deleted && !idea.moderation && idea.status !== 'merged',
});

/** The portal's index in this process: loaded from its snapshot (or empty) on first use, then brought up to date from the log. */
export async function freshIndex(tenantId: string): Promise<PortalIndex> {
  let index = indexes.get(tenantId);
  if (!index) {
    index = (await fromSnapshot(tenantId)) ?? { mini: newIndex(), lastSk: '', latest: new Map() };
    indexes.set(tenantId, index);
  }
  for await (const entry of unappliedEntries(keys.searchLog(tenantId), index, (e) => String(e.ideaId))) {
    const id = String(entry.ideaId);
    if (index.mini.has(id)) index.mini.discard(id);
    if (entry.visible)
      index.mini.add({
        id,
        title: String(entry.title),
        text: String(entry.text),
        sectionId: String(entry.sectionId),
        status: String(entry.status),
      });
  }
  return index;
}

export const SearchIdeas = z.object({
  q: z.string().trim().min(2).max(200),
  sectionId: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export interface SearchHit {
  id: string;
  title: string;
  sectionId: string;
  status: string;
  score: number;
}

/** Ideas of this portal matching the words, best first (accents folded, word stems, a typo tolerated). */
export const searchIdeas = /* @__PURE__ */ fn(
  requireReader,
  SearchIdeas,
  async (ctx, { q, sectionId, limit }): Promise<SearchHit[]> => {
    const { mini } = await freshIndex(ctx.tenant.id);
    return mini
      .search(q, sectionId ? { filter: (r) => r.sectionId === sectionId } : {})
      .slice(0, limit)
      .map((r) => ({
        id: r.id as string,
        title: r.title as string,
        sectionId: r.sectionId as string,
        status: r.status as string,
        score: r.score,
      }));
  },
);

export const SimilarIdeas = z.object({ title: z.string().trim().min(3).max(140) });

/** Up to five existing ideas close to a title being typed, so the member can vote instead of posting a duplicate. */
export const similarIdeas = /* @__PURE__ */ fn(
  requireReader,
  SimilarIdeas,
  async (ctx, { title }): Promise<SearchHit[]> => {
    const { mini } = await freshIndex(ctx.tenant.id);
    const hits = mini.search(title, { combineWith: 'OR', prefix: true, fuzzy: 0.2 });
    const best = hits[0]?.score ?? 0;
    // Weak matches on a single common word are noise: keep those at least a third of the best.
    return hits
      .filter((r) => r.score >= best / 3)
      .slice(0, 5)
      .map((r) => ({
        id: r.id as string,
        title: r.title as string,
        sectionId: r.sectionId as string,
        status: r.status as string,
        score: r.score,
      }));
  },
);

/** Forgets the in-memory indexes (tests and the benchmark measure a cold build with it). */
export function dropSearchIndexes() {
  indexes.clear();
}
