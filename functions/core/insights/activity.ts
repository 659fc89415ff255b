import { firstPublished } from '../comment/index.js';
import { entityTypeOf, keyParts } from '../db/index.js';
import type { Change } from '../stream/index.js';
import { attr } from './attributes.js';
import { dayOf } from './calendar.js';

type Image = Record<string, unknown>;

/** What one stream event adds to a portal's aggregates. */
export interface Activity {
  tenantId: string;
  /** The UTC day the activity belongs to (the item's own time, so a late or replayed event lands on its day). */
  day?: string;
  ideas: number;
  votes: number;
  comments: number;
  /** The member active that day: a participant, and one more activity to their name. */
  memberId?: string;
  /** An idea that received a vote that day: the export finds votes on otherwise untouched ideas through it. */
  votedIdeaId?: string;
  /** Text written that day, for the word counts. */
  text?: string;
  /** Set when an idea becomes visible: it counts as published (with its words) only the first time. */
  publishedIdeaId?: string;
  /** Moves of the running totals (attribute -> delta). */
  totals: Record<string, number>;
}

/** Visible to members: not deleted, not held, hidden or rejected by moderation. */
const isLive = (idea: Image | undefined): idea is Image => Boolean(idea && !idea.deleted && !idea.moderation);

/** The totals one live idea contributes. A merged duplicate keeps its status but leaves its section's counts. */
function tally(idea: Image): Record<string, number> {
  const counts: Record<string, number> = { published: 1, [attr.status(String(idea.status))]: 1 };
  if (idea.status !== 'merged') {
    counts[attr.section(String(idea.sectionId))] = 1;
    if (idea.categoryId) counts[attr.category(String(idea.sectionId), String(idea.categoryId))] = 1;
  }
  return counts;
}

function difference(after: Record<string, number>, before: Record<string, number>) {
  const delta: Record<string, number> = {};
  for (const name of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const moved = (after[name] ?? 0) - (before[name] ?? 0);
    if (moved !== 0) delta[name] = moved;
  }
  return delta;
}

const none = (tenantId: string): Activity => ({ tenantId, ideas: 0, votes: 0, comments: 0, totals: {} });

/**
 * Reads one change of the table as dashboard activity, or undefined when it changes no figure.
 * Ideas: the totals follow the idea in and out of visibility and across statuses, sections and
 * categories; its first publication counts on the day it was posted. Votes count when their item
 * is inserted, comments when everyone can first read them (on the day they were written; a held
 * one once the team approves it); a withdrawn vote or a deleted comment takes nothing back (the
 * day's activity happened), and a vote carried over by a merge is not a new vote.
 */
export function activityOf(change: Change): Activity | undefined {
  const item = change.newImage ?? change.oldImage;
  const partition = item && keyParts.ideaPartition(String(item.pk));
  if (!item || !partition) return undefined;
  const { tenantId } = partition;
  const entity = entityTypeOf(item);
  if (entity === 'idea') return ideaActivity(tenantId, change.oldImage, change.newImage);
  if (entity === 'comment') return commentActivity(tenantId, change);
  const inserted = change.kind === 'INSERT' ? change.newImage : undefined;
  if (!inserted) return undefined;
  if (entity === 'vote' && !inserted.carriedFrom && inserted.votedAt) {
    return {
      ...none(tenantId),
      day: dayOf(String(inserted.votedAt)),
      votes: 1,
      memberId: String(inserted.memberId ?? keyParts.voter(String(inserted.sk))),
      votedIdeaId: partition.ideaId,
    };
  }
  return undefined;
}

function commentActivity(tenantId: string, { oldImage, newImage }: Change): Activity | undefined {
  if (!newImage?.createdAt || !firstPublished(oldImage, newImage)) return undefined;
  return {
    ...none(tenantId),
    day: dayOf(String(newImage.createdAt)),
    comments: 1,
    memberId: String(newImage.authorId),
    text: String(newImage.body ?? ''),
  };
}

function ideaActivity(tenantId: string, before: Image | undefined, after: Image | undefined): Activity | undefined {
  const totals = difference(isLive(after) ? tally(after) : {}, isLive(before) ? tally(before) : {});
  const activity = { ...none(tenantId), totals };
  if (isLive(after) && !isLive(before) && after.createdAt) {
    Object.assign(activity, {
      day: dayOf(String(after.createdAt)),
      ideas: 1,
      memberId: String(after.authorId),
      text: `${after.title ?? ''}\n${after.body ?? ''}`,
      publishedIdeaId: String(after.id),
    });
  }
  return activity.day || Object.keys(totals).length ? activity : undefined;
}
