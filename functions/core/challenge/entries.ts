import type { z } from 'zod';
import { requireContributor, requireReader } from '../authz.js';
import { nowIso, type Ctx } from '../context.js';
import {
  batchGet,
  decodeCursor,
  encodeCursor,
  entries,
  entryVersions,
  itemAbsent,
  keys,
  versionsOf,
  type Stored,
} from '../db/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { getByline } from '../member/index.js';
import { countWrite } from '../ratelimit.js';
import { ownReadyUpload, writeAttaching } from '../upload/index.js';
import { entryAccess, viewerOf, type Viewer } from './access.js';
import { readChallenge } from './challenges.js';
import { phaseAt } from './phase.js';
import {
  EntryId,
  EntryText,
  ListEntries,
  SubmitEntry,
  type Challenge,
  type Entry,
  type EntryVersion,
  type Phase,
} from './schema.js';

/** An entry as one viewer may read it: the author, counts and scores only where entryAccess allows. */
export interface EntryView {
  id: string;
  challengeId: string;
  title: string;
  body: string;
  attachments: Entry['attachments'];
  version: number;
  status: Entry['status'];
  createdAt: string;
  updatedAt: string;
  shortlisted: boolean;
  rank?: number;
  /** Written by the viewer. */
  mine: boolean;
  author?: { id: string; name: string; photo?: string };
  favourites?: number;
  score?: { average: number; spread: number; count: number };
  /** The team's request, for the entrant, the team and the jury. */
  adjustment?: Entry['adjustment'];
}

const clock = (ctx: Ctx) => ctx.now ?? new Date();
/** A moment as the refusals say it: readers' pages show it in their own time zone (the API gives ISO times). */
const when = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

export function entryView(challenge: Challenge, phase: Phase, viewer: Viewer, entry: Entry): EntryView | undefined {
  const access = entryAccess(challenge, phase, viewer, entry);
  if (!access.see) return undefined;
  const mine = viewer.memberId === entry.authorId;
  const spread =
    entry.scoreCount > 0
      ? Math.sqrt(Math.max(0, entry.scoreSquares / entry.scoreCount - (entry.scoreSum / entry.scoreCount) ** 2))
      : 0;
  return {
    id: entry.id,
    challengeId: entry.challengeId,
    title: entry.title,
    body: entry.body,
    attachments: entry.attachments ?? [],
    version: entry.version,
    status: entry.status,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    shortlisted: entry.shortlisted === true,
    ...(entry.rank ? { rank: entry.rank } : {}),
    mine,
    ...(access.author
      ? {
          author: {
            id: entry.authorId,
            name: entry.authorName,
            ...(entry.authorPhoto ? { photo: entry.authorPhoto } : {}),
          },
        }
      : {}),
    ...(access.favourites ? { favourites: entry.favourites } : {}),
    ...(access.scores
      ? {
          score: {
            average: entry.scoreCount ? Math.round((entry.scoreSum / entry.scoreCount) * 10) / 10 : 0,
            spread: Math.round(spread * 10) / 10,
            count: entry.scoreCount,
          },
        }
      : {}),
    ...(entry.adjustment && (mine || viewer.team || viewer.juror) ? { adjustment: entry.adjustment } : {}),
  };
}

/** The stored entry of this challenge, or a 404 (another challenge's or portal's id included). */
export async function readEntry(ctx: Ctx, challengeId: string, entryIdInput: string): Promise<Stored<Entry>> {
  const entryId = parseInput(EntryId, entryIdInput);
  const entry = await entries.get([ctx.tenant.id, challengeId, entryId], { consistent: true });
  if (!entry) throw notFound('entry');
  return entry;
}

/** Who may enter: the challenge's kind of entrant, never one of its jurors. */
function assertEligible(ctx: Ctx, challenge: Challenge) {
  const member = requireContributor(ctx);
  if (challenge.jurors.includes(member.memberId))
    throw new DomainError('juror_cannot_enter', 403, say('challenge.jurorCannotEnter'));
  const eligible =
    challenge.entrants === 'members'
      ? true
      : challenge.entrants === 'partners'
        ? member.role === 'partner'
        : challenge.invited.includes(member.memberId);
  if (!eligible) throw new DomainError('not_eligible', 403, say('challenge.notEligible'));
  return member;
}

/** The submission must be open at this very moment; otherwise the refusal says when it opens or closed. */
function assertSubmissionOpen(ctx: Ctx, challenge: Challenge): void {
  const phase = phaseAt(challenge, clock(ctx));
  if (phase === 'submission') return;
  if (phase === 'scheduled')
    throw new DomainError(
      'submission_not_open',
      409,
      say('challenge.submissionNotOpen', { opens: when(challenge.timeline.opensAt) }),
    );
  if (phase === 'decided' || phase === 'closed' || phase === 'draft')
    throw new DomainError('challenge_over', 409, say('challenge.notRunning'));
  throw new DomainError(
    'submission_closed',
    409,
    say('challenge.submissionClosed', { closed: when(challenge.timeline.submissionEndsAt) }),
  );
}

async function attachmentsOf(ctx: Ctx, ids: string[]) {
  return Promise.all([...new Set(ids)].map((id) => ownReadyUpload(ctx, id)));
}

/**
 * An entrant sends an entry while the submission is open, accepting the rules and the IP clause
 * as written now (kept with the entry). The entry, its first version and its files' attachment
 * are written in one transaction.
 */
export async function submitEntry(
  ctx: Ctx,
  challengeId: string,
  input: z.input<typeof SubmitEntry>,
): Promise<EntryView> {
  requireContributor(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const member = assertEligible(ctx, challenge);
  const { title, body, attachmentIds } = parseInput(SubmitEntry, input);
  assertSubmissionOpen(ctx, challenge);
  await countWrite(ctx);
  const attachments = await attachmentsOf(ctx, attachmentIds);
  const at = nowIso(ctx);
  const entry: Entry = {
    id: newId(),
    challengeId: challenge.id,
    authorId: member.memberId,
    ...(await byline(ctx, member.memberId)),
    title,
    body,
    attachments,
    version: 1,
    status: 'active',
    favourites: 0,
    scoreCount: 0,
    scoreSum: 0,
    scoreSquares: 0,
    accepted: { at, rules: JSON.stringify(challenge.rules ?? {}), ipClause: JSON.stringify(challenge.ipClause ?? {}) },
    createdAt: at,
    updatedAt: at,
  };
  const version: EntryVersion = { entryId: entry.id, n: 1, title, body, attachments, at };
  const written = await writeAttaching(
    ctx,
    [
      entries.put([ctx.tenant.id, challenge.id, entry.id], { ...entry, topScore: 0, trendScore: 0 }, itemAbsent),
      entryVersions.put([ctx.tenant.id, challenge.id, entry.id, 1], version),
    ],
    attachments,
  );
  if (!written.ok) throw new Error('entry id collision');
  return entryView(challenge, 'submission', viewerOf(ctx, challenge), entry)!;
}

const byline = async (ctx: Ctx, memberId: string) => {
  const { authorName, authorPhoto } = await getByline(ctx, memberId);
  return { authorName, ...(authorPhoto ? { authorPhoto } : {}) };
};

/**
 * A new version of an entry, by its entrant: while the submission is open, or later when the
 * entry is shortlisted and the team asked an adjustment not answered yet (which this version
 * answers). Every version is kept; the entry shows the latest.
 */
export async function reviseEntry(ctx: Ctx, challengeId: string, entryId: string, input: z.input<typeof EntryText>) {
  const member = requireContributor(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const entry = await readEntry(ctx, challenge.id, entryId);
  if (entry.authorId !== member.memberId) throw new DomainError('not_yours', 403, say('challenge.notYours'));
  if (entry.status !== 'active') throw new DomainError('withdrawn', 409, say('challenge.withdrawn'));
  const { title, body, attachmentIds } = parseInput(EntryText, input);
  const phase = phaseAt(challenge, clock(ctx));
  const answering = phase === 'shortlist' && entry.shortlisted && entry.adjustment && !entry.adjustment.answered;
  if (phase !== 'submission' && !answering)
    throw new DomainError('revision_closed', 409, say('challenge.revisionClosed'));
  await countWrite(ctx);
  const attachments = await attachmentsOf(ctx, attachmentIds);
  const at = nowIso(ctx);
  const n = entry.version + 1;
  const written = await writeAttaching(
    ctx,
    [
      entries.update([ctx.tenant.id, challenge.id, entry.id], {
        UpdateExpression: `SET title = :title, body = :body, attachments = :attachments, version = :n, updatedAt = :at${
          answering ? ', adjustment.answered = :true' : ''
        }`,
        ConditionExpression: 'version = :seen AND #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':title': title,
          ':body': body,
          ':attachments': attachments,
          ':n': n,
          ':at': at,
          ':seen': entry.version,
          ':active': 'active',
          ...(answering ? { ':true': true } : {}),
        },
      }),
      entryVersions.put([ctx.tenant.id, challenge.id, entry.id, n], {
        entryId: entry.id,
        n,
        title,
        body,
        attachments,
        at,
        ...(answering ? { answers: entry.adjustment!.text } : {}),
      }),
    ],
    attachments,
  );
  if (!written.ok) throw new DomainError('conflict', 409, say('challenge.changed'));
  const next: Entry = {
    ...entry,
    title,
    body,
    attachments,
    version: n,
    updatedAt: at,
    ...(answering ? { adjustment: { ...entry.adjustment!, answered: true } } : {}),
  };
  return entryView(challenge, phase, viewerOf(ctx, challenge), next)!;
}

/** The entrant takes an entry back while the submission is open: it leaves every list. */
export async function withdrawEntry(ctx: Ctx, challengeId: string, entryId: string): Promise<void> {
  const member = requireContributor(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const entry = await readEntry(ctx, challenge.id, entryId);
  if (entry.authorId !== member.memberId) throw new DomainError('not_yours', 403, say('challenge.notYours'));
  assertSubmissionOpen(ctx, challenge);
  await entries.change([ctx.tenant.id, challenge.id, entry.id], {
    UpdateExpression: 'SET #status = :withdrawn, updatedAt = :at REMOVE sectionKey',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':at': nowIso(ctx) },
  });
}

/**
 * A challenge's entries that the viewer may see, newest, most favoured (where the crowd's
 * ranking is shown to them) or best scored (the team and jury), from the sort indexes: no scan.
 */
export async function listEntries(ctx: Ctx, challengeId: string, input: z.input<typeof ListEntries> = {}) {
  requireReader(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const viewer = viewerOf(ctx, challenge);
  if (challenge.state === 'draft' && !viewer.team) throw notFound('challenge');
  const { sort: asked, cursor, limit } = parseInput(ListEntries, input);
  const phase = phaseAt(challenge, clock(ctx));
  const sort =
    (asked === 'score' && !(viewer.team || viewer.juror)) ||
    (asked === 'favourites' && !(viewer.team || viewer.juror || challenge.crowdRankingPublic))
      ? 'new'
      : asked;
  const query = `entries:${challenge.id}:${sort}`;
  const { items, last } = await entries.pageOf(ctx.tenant.id, challenge.id, sort, {
    limit,
    start: decodeCursor(ctx.tenant.id, query, cursor),
  });
  const favoured = await favouredBy(
    ctx,
    challenge.id,
    viewer,
    items.map((e) => e.id),
  );
  return {
    sort,
    items: items
      .map((entry) => entryView(challenge, phase, viewer, entry))
      .filter((entry): entry is EntryView => !!entry)
      .map((entry) => ({ ...entry, favoured: favoured.has(entry.id) })),
    cursor: encodeCursor(ctx.tenant.id, query, last),
  };
}

/** Which of these entries the viewer gave a favourite to (one BatchGet). */
async function favouredBy(ctx: Ctx, challengeId: string, viewer: Viewer, entryIds: string[]): Promise<Set<string>> {
  if (!viewer.memberId || !entryIds.length) return new Set();
  const found = await batchGet(
    entryIds.map((id) => keys.favourite(ctx.tenant.id, challengeId, id, viewer.memberId!)),
    ['entryId'],
  );
  return new Set(found.map((f) => String(f.entryId)));
}

/** One entry with every version, for whoever may see it; hidden ones are a 404. */
export async function getEntry(ctx: Ctx, challengeId: string, entryId: string) {
  requireReader(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const viewer = viewerOf(ctx, challenge);
  const entry = await readEntry(ctx, challenge.id, entryId);
  const shown = entryView(challenge, phaseAt(challenge, clock(ctx)), viewer, entry);
  if (!shown) throw notFound('entry');
  const versions: EntryVersion[] = [];
  for await (const v of versionsOf(ctx.tenant.id, challenge.id, entry.id))
    versions.push({
      entryId: v.entryId,
      n: v.n,
      title: v.title,
      body: v.body,
      attachments: v.attachments ?? [],
      at: v.at,
      ...(v.answers ? { answers: v.answers } : {}),
    });
  const favoured = await favouredBy(ctx, challenge.id, viewer, [entry.id]);
  return { ...shown, favoured: favoured.size > 0, versions };
}
