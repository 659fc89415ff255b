import {
  dayStats,
  dayWords,
  itemAbsent,
  placeholders,
  streamMarkers,
  totals,
  writeAllOrNothing,
  type Write,
} from '../db/index.js';
import type { Change } from '../stream/index.js';
import { activityOf, type Activity } from './activity.js';
import { attr } from './attributes.js';
import { TERMS_PER_TEXT, termsOf } from './terms.js';

/**
 * Bounds that keep each aggregate item well under DynamoDB's 400 KB. A day's stats item holds at
 * most 4,000 participants (about 100 bytes each: the id in the set, its activity counter, and a
 * voted idea id) and a day's words item at most about 200 KB of terms (some 10,000 of them).
 * Past a bound, that day's further members or new terms are not recorded; the counters go on.
 */
export const AGGREGATE_LIMITS = {
  membersPerDay: 4_000,
  votedIdeasPerDay: 4_000,
  termBytesPerDay: 200_000,
  termsPerText: TERMS_PER_TEXT,
  /** Stream records live 24 hours; markers are kept longer than any redelivery. */
  markerSeconds: 3 * 24 * 3600,
};
export type AggregateLimits = typeof AGGREGATE_LIMITS;

const MAX_ATTEMPTS = 8;

/**
 * Keeps the dashboard's aggregates from the table's stream (after the notification fan-out):
 * per portal and UTC day the counts of published ideas, votes and comments, the members active
 * and each one's activity (dayStats), the words and phrases written (dayWords), and the portal's
 * running totals by status, section and category. Each event is counted in one transaction with
 * a marker of its id, so a redelivered event finds the marker and adds nothing.
 */
export async function aggregateChanges(changes: Change[], limits: AggregateLimits = AGGREGATE_LIMITS): Promise<void> {
  for (const change of changes) {
    const activity = activityOf(change);
    if (activity && change.id) await record(change.id, activity, limits);
  }
}

type Role = 'event' | 'publication' | 'stats' | 'words' | 'totals';

/** What is still to be written for an event; narrowed after each refused condition. */
interface Attempt {
  firstPublication: boolean;
  setStep: SetStep;
  words: DayWords;
}

/** The day's words item as last read: which of the text's terms it has, and the room they take. */
interface DayWords {
  known: Set<string>;
  bytes: number;
}

async function record(eventId: string, activity: Activity, limits: AggregateLimits) {
  const terms = activity.text === undefined ? [] : termsOf(activity.text, limits.termsPerText);
  const steps = setLadder(activity);
  let step = 0;
  let firstPublication = Boolean(activity.publishedIdeaId);
  let words: DayWords | undefined;
  let refusedForRoom = 0;
  for (let round = 0; round < MAX_ATTEMPTS; round++) {
    const day = countedDay(activity, firstPublication);
    if (day && terms.length && !words) words = await readDayWords(activity.tenantId, day, terms);
    // Twice refused for room: other texts are filling the day right now; count only the terms it has.
    const seen = words ?? { known: new Set<string>(), bytes: 0 };
    const writes = writesFor(eventId, activity, terms, limits, {
      firstPublication,
      setStep: steps[Math.min(step, steps.length - 1)]!,
      words: refusedForRoom >= 2 ? { ...seen, bytes: Infinity } : seen,
    });
    if (writes.length === 1) return; // only the marker: nothing to count
    const result = await writeAllOrNothing(writes.map((w) => w.write));
    if (result.ok) return;
    const refused = new Set(writes.filter((_, i) => result.failed[i]).map((w) => w.role));
    if (refused.has('event')) return; // counted before: a redelivered event
    if (refused.has('publication')) firstPublication = false;
    if (refused.has('stats')) step++;
    if (refused.has('words')) {
      refusedForRoom++;
      words = undefined; // read again how much room is left
    }
  }
  throw new Error(`Aggregates: stream event ${eventId} could not be counted`);
}

/** An idea published before (then hidden, then shown again) moves only the totals, on no day. */
const countedDay = (activity: Activity, firstPublication: boolean) =>
  activity.publishedIdeaId && !firstPublication ? undefined : activity.day;

function writesFor(eventId: string, activity: Activity, terms: string[], limits: AggregateLimits, a: Attempt) {
  const { tenantId } = activity;
  const day = countedDay(activity, a.firstPublication);
  const writes: { role: Role; write: Write | undefined }[] = [
    { role: 'event', write: marker(tenantId, eventId, limits.markerSeconds) },
    {
      role: 'publication',
      write: a.firstPublication ? marker(tenantId, `publication:${activity.publishedIdeaId}`) : undefined,
    },
    { role: 'stats', write: day ? statsUpdate(activity, day, a.setStep, limits) : undefined },
    {
      role: 'words',
      write: day && activity.text !== undefined ? wordsUpdate(tenantId, day, terms, a.words, limits) : undefined,
    },
    { role: 'totals', write: totalsUpdate(tenantId, activity.totals) },
  ];
  return writes.filter((w): w is { role: Role; write: Write } => Boolean(w.write));
}

/** A marker of something counted; a stream event's expires, an idea's first publication stays. */
function marker(tenantId: string, id: string, seconds?: number): Write {
  const expires = seconds ? { expiresAt: Math.floor(Date.now() / 1000) + seconds } : {};
  return streamMarkers.put([tenantId, id], { countedAt: new Date().toISOString(), ...expires }, itemAbsent);
}

type SetStep = { member: boolean; votedIdea: boolean };

/** What to try when a day's sets are full: everything, then each set alone, then only the counters. */
function setLadder(activity: Activity): SetStep[] {
  const member = Boolean(activity.memberId);
  const votedIdea = Boolean(activity.votedIdeaId);
  const steps = [
    { member, votedIdea },
    { member, votedIdea: false },
    { member: false, votedIdea },
    { member: false, votedIdea: false },
  ];
  return steps.filter((s, i) => steps.findIndex((o) => o.member === s.member && o.votedIdea === s.votedIdea) === i);
}

/** A string set may grow only while it is under its bound (or already holds the value). */
function cappedSetAdd(x: ReturnType<typeof placeholders>, set: string, value: string, cap: number) {
  const name = x.name(set);
  return {
    add: `${name} ${x.value(new Set([value]))}`,
    condition: `(attribute_not_exists(${name}) OR contains(${name}, ${x.value(value)}) OR size(${name}) < ${x.value(cap)})`,
  };
}

function statsUpdate(activity: Activity, day: string, sets: SetStep, limits: AggregateLimits): Write | undefined {
  const x = placeholders();
  const adds: string[] = [];
  const conditions: string[] = [];
  for (const counter of ['ideas', 'votes', 'comments'] as const) {
    if (activity[counter]) adds.push(`${x.name(counter)} ${x.value(activity[counter])}`);
  }
  if (sets.member && activity.memberId) {
    const participants = cappedSetAdd(x, 'participants', activity.memberId, limits.membersPerDay);
    adds.push(participants.add, `${x.name(attr.contributor(activity.memberId))} ${x.value(1)}`);
    conditions.push(participants.condition);
  }
  if (sets.votedIdea && activity.votedIdeaId) {
    const voted = cappedSetAdd(x, 'votedIdeas', activity.votedIdeaId, limits.votedIdeasPerDay);
    adds.push(voted.add);
    conditions.push(voted.condition);
  }
  if (!adds.length) return undefined;
  return dayStats.update([activity.tenantId, day], {
    UpdateExpression: `ADD ${adds.join(', ')}`,
    ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
    ...x.expression,
  });
}

/** What a new term costs in the item: its attribute name and a small number. */
const termBytes = (term: string) => Buffer.byteLength(attr.term(term)) + 4;

/**
 * One more text that day, and one more mention of each of its terms. Terms the day already has
 * always count; new ones are added, in the text's order, while the day's running byte count
 * leaves room, and the write is conditioned on that count not having grown past the room meanwhile.
 */
function wordsUpdate(tenantId: string, day: string, terms: string[], words: DayWords, limits: AggregateLimits): Write {
  const fresh: string[] = [];
  let cost = 0;
  for (const term of terms) {
    if (words.known.has(term) || words.bytes + cost + termBytes(term) > limits.termBytesPerDay) continue;
    fresh.push(term);
    cost += termBytes(term);
  }
  const x = placeholders();
  const counted = [...terms.filter((t) => words.known.has(t)), ...fresh];
  const adds = [
    `${x.name('texts')} ${x.value(1)}`,
    ...counted.map((term) => `${x.name(attr.term(term))} ${x.value(1)}`),
  ];
  let condition: string | undefined;
  if (fresh.length) {
    const bytes = x.name('termBytes');
    adds.push(`${bytes} ${x.value(cost)}`);
    condition = `attribute_not_exists(${bytes}) OR ${bytes} <= ${x.value(limits.termBytesPerDay - cost)}`;
  }
  return dayWords.update([tenantId, day], {
    UpdateExpression: `ADD ${adds.join(', ')}`,
    ...(condition ? { ConditionExpression: condition } : {}),
    ...x.expression,
  });
}

/** Which of these terms the day's words item already has (they cost no new room), and the room used. */
async function readDayWords(tenantId: string, day: string, terms: string[]): Promise<DayWords> {
  const x = placeholders();
  const projection = [x.name('termBytes'), ...terms.map((term) => x.name(attr.term(term)))].join(', ');
  const item = await dayWords.get([tenantId, day], {
    consistent: true,
    projection,
    names: x.expression.ExpressionAttributeNames,
  });
  return {
    known: new Set(terms.filter((term) => item && attr.term(term) in item)),
    bytes: Number(item?.termBytes ?? 0),
  };
}

function totalsUpdate(tenantId: string, deltas: Record<string, number>): Write | undefined {
  const moves = Object.entries(deltas);
  if (!moves.length) return undefined;
  const x = placeholders();
  const adds = moves.map(([name, delta]) => `${x.name(name)} ${x.value(delta)}`);
  return totals.update([tenantId], { UpdateExpression: `ADD ${adds.join(', ')}`, ...x.expression });
}
