import type { z } from 'zod';
import { authorize, requireContributor, requireReader } from '../authz.js';
import { nextUpdatedAt, nowIso, requireMember, type Ctx } from '../context.js';
import { challenges, decodeCursor, encodeCursor, itemAbsent, ndaAcceptances } from '../db/index.js';
import { ownReadyUpload, uploadLink, writeAttaching } from '../upload/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { countWrite } from '../ratelimit.js';
import { viewerOf } from './access.js';
import { nextChangeAt, phaseAt } from './phase.js';
import { ChallengeId, CreateChallenge, ListChallenges, UpdateChallenge, type Challenge, type Phase } from './schema.js';

/** A challenge as its readers get it: the stored fields and the phase it is in now. */
export type ChallengeView = Challenge & { phase: Phase };

const now = (ctx: Ctx) => ctx.now ?? new Date();
export const view = (ctx: Ctx, challenge: Challenge): ChallengeView => ({
  ...challenge,
  phase: phaseAt(challenge, now(ctx)),
});

/** The stored challenge, for any rule to read; another portal's id, or nothing, is a 404. */
export async function readChallenge(ctx: Ctx, idInput: string): Promise<Challenge> {
  const id = parseInput(ChallengeId, idInput);
  const stored = await challenges.get([ctx.tenant.id, id], { consistent: true });
  if (!stored) throw notFound('challenge');
  return challengeOf(stored);
}

/** The challenge a stored item holds: its keys, index attributes and clock entry left out. */
function challengeOf(stored: Record<string, unknown>): Challenge {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    listKey: _l,
    listSort: _s,
    queueKey: _q,
    queueSort: _qs,
    nextChangeAt: _n,
    ...challenge
  } = stored;
  return challenge as unknown as Challenge;
}

/**
 * One challenge, for whoever may read it: a draft is the team's alone. Its confidential brief
 * is there for the team, the jury and those who accepted its NDA (`ndaAccepted`); for others it
 * is left out, and `confidential` says there is one.
 */
export async function getChallenge(
  ctx: Ctx,
  id: string,
): Promise<ChallengeView & { confidential: boolean; ndaAccepted: boolean }> {
  requireReader(ctx);
  const challenge = await readChallenge(ctx, id);
  const viewer = viewerOf(ctx, challenge);
  if (challenge.state === 'draft' && !viewer.team) throw notFound('challenge');
  const confidential = !!challenge.confidentialBrief && Object.keys(challenge.confidentialBrief).length > 0;
  const ndaAccepted =
    !!viewer.memberId &&
    !!(await ndaAcceptances.get([ctx.tenant.id, challenge.id, viewer.memberId], { consistent: true }));
  const open = viewer.team || viewer.juror || ndaAccepted;
  return { ...view(ctx, open ? challenge : withoutConfidential(challenge)), confidential, ndaAccepted };
}

/** A download link to a file of the brief, for whoever may read the challenge; any other id is a 404. */
export async function challengeAttachmentLink(ctx: Ctx, id: string, uploadId: string, size?: 'card'): Promise<string> {
  const challenge = await getChallenge(ctx, id);
  if (!(challenge.attachments ?? []).some((a) => a.id === uploadId)) throw notFound('upload');
  return uploadLink(ctx, uploadId, size);
}

const withoutConfidential = ({ confidentialBrief: _hidden, ...challenge }: Challenge): Challenge => challenge;

/** A member accepts the challenge's NDA, as written now, to read its confidential brief. */
export async function acceptNda(ctx: Ctx, id: string): Promise<{ accepted: true }> {
  const member = requireContributor(ctx);
  const challenge = await readChallenge(ctx, id);
  if (challenge.state === 'draft') throw notFound('challenge');
  // The first acceptance is the one kept, with the text accepted then.
  await ndaAcceptances.createOnce([ctx.tenant.id, challenge.id, member.memberId], {
    memberId: member.memberId,
    at: nowIso(ctx),
    text: JSON.stringify(challenge.nda ?? {}),
  });
  return { accepted: true };
}

/** A portal's challenges, newest first: drafts for the team only. */
export async function listChallenges(ctx: Ctx, input: z.input<typeof ListChallenges> = {}) {
  requireReader(ctx);
  const { cursor, limit } = parseInput(ListChallenges, input);
  const team = viewerOf(ctx, { jurors: [] }).team;
  const { items, last } = await challenges.pageOf(ctx.tenant.id, {
    limit,
    start: decodeCursor(ctx.tenant.id, 'challenges', cursor),
  });
  return {
    items: items
      .map((item) => view(ctx, withoutConfidential(challengeOf(item))))
      .filter((c) => team || c.phase !== 'draft'),
    cursor: encodeCursor(ctx.tenant.id, 'challenges', last),
  };
}

/** The stored item of a challenge with the phase clock's entry that follows from it. */
const stored = (ctx: Ctx, challenge: Challenge) => {
  const next = nextChangeAt(challenge, now(ctx));
  return { ...challenge, ...(next ? { nextChangeAt: next } : {}) };
};

/** The team drafts a challenge: nobody else sees it until it is scheduled. */
export async function createChallenge(ctx: Ctx, input: z.input<typeof CreateChallenge>): Promise<ChallengeView> {
  authorize(ctx, 'challenges.manage');
  const member = requireMember(ctx);
  await countWrite(ctx);
  const { attachmentIds, ...fields } = parseInput(CreateChallenge, input);
  const at = nowIso(ctx);
  const challenge: Challenge = {
    ...fields,
    attachments: await Promise.all([...new Set(attachmentIds)].map((id) => ownReadyUpload(ctx, id))),
    id: newId(),
    state: 'draft',
    createdAt: at,
    createdBy: member.memberId,
    updatedAt: at,
  };
  const written = await writeAttaching(
    ctx,
    [challenges.put([ctx.tenant.id, challenge.id], stored(ctx, challenge), itemAbsent)],
    challenge.attachments,
  );
  if (!written.ok) throw new Error('challenge id collision');
  return view(ctx, challenge);
}

/**
 * Rewrites a challenge from what it is now, conditioned on `updatedAt`, so two changes at once
 * never lose one (the second is a 409 to retry). `change` returns the next challenge.
 */
export async function reviseChallenge(
  ctx: Ctx,
  id: string,
  change: (current: Challenge) => Challenge | Promise<Challenge>,
): Promise<ChallengeView> {
  const current = await readChallenge(ctx, id);
  const next = { ...(await change(current)), updatedAt: nextUpdatedAt(ctx, current) };
  // Files the brief did not have are attached with it (those it kept already are).
  const added = (next.attachments ?? []).filter((a) => !(current.attachments ?? []).some((b) => b.id === a.id));
  const written = await writeAttaching(
    ctx,
    [
      challenges.put([ctx.tenant.id, current.id], stored(ctx, next), {
        ConditionExpression: 'updatedAt = :seen',
        ExpressionAttributeValues: { ':seen': current.updatedAt },
      }),
    ],
    added,
  );
  if (!written.ok) throw new DomainError('conflict', 409, say('challenge.changed'));
  return view(ctx, next);
}

/**
 * The team edits a challenge. The timeline may move (extending a phase) but not into the past
 * of a phase already over, and nothing changes once the challenge is decided or closed.
 */
export async function updateChallenge(ctx: Ctx, id: string, input: z.input<typeof UpdateChallenge>) {
  authorize(ctx, 'challenges.manage');
  await countWrite(ctx);
  const parsed = parseInput(UpdateChallenge, input);
  // Only what the input names changes: zod fills a default into a field left out, even in a partial schema.
  const named = new Set(Object.keys(input ?? {}));
  const { attachmentIds, ...changes } = Object.fromEntries(
    Object.entries(parsed).filter(([field]) => named.has(field)),
  ) as typeof parsed;
  return reviseChallenge(ctx, id, async (current) => {
    if (current.state === 'decided' || current.state === 'closed')
      throw new DomainError('challenge_over', 409, say('challenge.notRunning'));
    const kept = new Map((current.attachments ?? []).map((a) => [a.id, a]));
    const attachments = attachmentIds
      ? await Promise.all([...new Set(attachmentIds)].map((fileId) => kept.get(fileId) ?? ownReadyUpload(ctx, fileId)))
      : current.attachments;
    return { ...current, ...changes, attachments, timeline: changes.timeline ?? current.timeline };
  });
}

/** Publishes a draft: from now its phases follow its timeline by themselves. */
export async function scheduleChallenge(ctx: Ctx, id: string) {
  authorize(ctx, 'challenges.manage');
  return reviseChallenge(ctx, id, (current) => {
    if (current.state !== 'draft') throw new DomainError('not_draft', 409, say('challenge.notDraft'));
    return { ...current, state: 'scheduled' };
  });
}

/** Ends a challenge early, without a decision: nothing more is entered, favoured or scored. */
export async function closeChallenge(ctx: Ctx, id: string) {
  authorize(ctx, 'challenges.manage');
  return reviseChallenge(ctx, id, (current) => {
    if (current.state === 'decided' || current.state === 'closed')
      throw new DomainError('challenge_over', 409, say('challenge.notRunning'));
    return { ...current, state: 'closed', closedAt: nowIso(ctx) };
  });
}
