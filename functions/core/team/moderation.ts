import { z } from 'zod';
import { nextUpdatedAt, type Ctx } from '../context.js';
import { commentRefs, comments, flagTargets, itemExists, members, writeAllOrNothing, type Write } from '../db/index.js';
import { DomainError, invalidFields, notFound, parseInput, say, says } from '../errors/index.js';
import { IdPattern } from '../ids.js';
import { endAllSessions } from '../identity/index.js';
import { ownedItems } from '../member/index.js';
import { auditWrite } from '../admin/index.js';
import { heldCommentDecision } from '../comment/index.js';
import { requireTeam, reviseIdea } from './revise.js';

export const Decision = z
  .object({
    decision: z.enum(['approve', 'hide', 'reject']),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((d) => d.decision === 'approve' || (d.reason?.length ?? 0) >= 3, {
    message: says('input.reason'),
    path: ['reason'],
  });

/** `idea:<id>`, `comment:<id>`, or a bare idea id. */
const Target = z
  .string()
  .transform((t) => (t.includes(':') ? t : `idea:${t}`))
  .pipe(z.string().regex(/^(idea|comment):[0-9a-z]{20}$/, says('moderation.target')));

/** The flag entry leaves the flagged queue once the team decided (the individual flags stay as history). */
function resolveFlags(ctx: Ctx, target: string, decision: string) {
  return flagTargets.update([ctx.tenant.id, target], {
    UpdateExpression: 'SET decision = :d REMOVE queueKey, queueSort',
    ...itemExists,
    ExpressionAttributeValues: { ':d': decision },
  });
}

async function isFlagged(ctx: Ctx, target: string) {
  const item = await flagTargets.get([ctx.tenant.id, target]);
  return Boolean(item?.queueKey); // still waiting in the flagged queue, not decided already
}

/**
 * The team decides on an idea or comment from a queue: approve (publish a held idea, or keep a
 * flagged one), hide (withdraw it from the public), or reject (refuse a held idea), with a reason
 * that is kept with the item and in the audit log. Deciding the same again changes nothing.
 */
export async function moderate(ctx: Ctx, targetInput: string, input: z.input<typeof Decision>) {
  requireTeam(ctx);
  const target = parseInput(Target, targetInput);
  const { decision, reason } = parseInput(Decision, input);
  const [kind, id] = target.split(':') as ['idea' | 'comment', string];
  const flagged = await isFlagged(ctx, target);
  const flagWrites: Write[] = flagged ? [resolveFlags(ctx, target, decision)] : [];
  if (kind === 'comment') return moderateComment(ctx, id, decision, reason, flagWrites);
  const wanted = decision === 'approve' ? undefined : decision === 'hide' ? 'hidden' : 'rejected';
  const idea = await reviseIdea(ctx, id, (current) => {
    if (current.moderation === wanted && !flagged) return undefined;
    if (decision === 'reject' && current.moderation !== 'pending') {
      throw new DomainError('not_pending', 409, say('moderation.rejectPendingOnly'));
    }
    const { moderation: _, ...rest } = current;
    return {
      next: { ...rest, ...(wanted ? { moderation: wanted } : {}), updatedAt: nextUpdatedAt(ctx, current) },
      extra: { moderationReason: reason ?? '' },
      alongside: flagWrites,
      audit: { action: `moderation.${decision}`, detail: { target, ...(reason ? { reason } : {}) } },
    };
  });
  return { target, decision, moderation: idea.moderation ?? null };
}

async function moderateComment(
  ctx: Ctx,
  commentId: string,
  decision: 'approve' | 'hide' | 'reject',
  reason: string | undefined,
  flagWrites: Write[],
) {
  const ref = await commentRefs.get([ctx.tenant.id, commentId]);
  if (!ref) throw notFound('comment');
  const comment = await comments.get([ctx.tenant.id, ref.ideaId, ref.createdAt, commentId], { consistent: true });
  if (!comment || comment.deleted) throw notFound('comment');
  const target = `comment:${commentId}`;
  const commit = async (writes: Write[]) => {
    const written = await writeAllOrNothing([
      ...writes,
      ...flagWrites,
      auditWrite(ctx, `moderation.${decision}`, { target, idea: ref.ideaId, ...(reason ? { reason } : {}) }),
    ]);
    if (!written.ok) throw new DomainError('conflict', 409, say('comment.changed'));
  };
  if (comment.moderation) {
    // A held comment is published or refused: hiding one that nobody sees is refusing it.
    const step = decision === 'approve' ? 'approve' : 'reject';
    const again = step === 'reject' && comment.moderation === 'rejected';
    if (!again || flagWrites.length) await commit(again ? [] : heldCommentDecision(ctx, comment, step, reason));
    return { target, decision, moderation: step === 'approve' ? null : 'rejected' };
  }
  if (decision === 'reject')
    throw invalidFields({
      decision: say('moderation.commentDecision'),
    });
  await commit([
    comments.update([ctx.tenant.id, ref.ideaId, ref.createdAt, commentId], {
      UpdateExpression:
        decision === 'hide' ? 'SET #hidden = :t, moderationReason = :r' : 'REMOVE #hidden SET moderationReason = :r',
      ...itemExists,
      ExpressionAttributeNames: { '#hidden': 'hidden' },
      ExpressionAttributeValues: decision === 'hide' ? { ':t': true, ':r': reason ?? '' } : { ':r': reason ?? '' },
    }),
  ]);
  return { target, decision, moderation: decision === 'hide' ? 'hidden' : null };
}

export const BlockMember = z.object({ reason: z.string().trim().min(3, says('input.reason')).max(500) }).strict();

/**
 * Blocks a member who posts spam: the account can no longer sign in, every session ends, and
 * their ideas and comments still waiting for moderation are refused. Owners and admins cannot be blocked.
 */
export async function blockMember(ctx: Ctx, memberIdInput: string, input: z.input<typeof BlockMember>) {
  requireTeam(ctx);
  const memberId = parseInput(z.string().regex(IdPattern, says('member.id')), memberIdInput);
  const { reason } = parseInput(BlockMember, input);
  const written = await writeAllOrNothing([
    members.update([ctx.tenant.id, memberId], {
      UpdateExpression: 'SET #status = :blocked, blockedReason = :r',
      ConditionExpression: 'attribute_exists(pk) AND #role IN (:member, :partner)',
      ExpressionAttributeNames: { '#status': 'status', '#role': 'role' },
      ExpressionAttributeValues: { ':blocked': 'blocked', ':r': reason, ':member': 'member', ':partner': 'partner' },
    }),
    auditWrite(ctx, 'member.block', { member: memberId, reason }),
  ]);
  if (!written.ok) {
    // No such account on this portal is a 404; an owner, admin or team member cannot be blocked.
    if (!(await members.get([ctx.tenant.id, memberId], { consistent: true }))) throw notFound('member');
    throw new DomainError('cannot_block', 409, say('moderation.cannotBlock'));
  }
  await endAllSessions(ctx.tenant.id, memberId, ctx.now);
  // Their posts still waiting for moderation are refused (ideas and comments).
  const refused = { IDEA: 0, COMMENT: 0 };
  for (const kind of ['IDEA', 'COMMENT'] as const) {
    for await (const owned of ownedItems(ctx, memberId, kind)) {
      if (owned.moderation !== 'pending') continue;
      const target = `${kind === 'IDEA' ? 'idea' : 'comment'}:${String(owned.id)}`;
      try {
        await moderate(ctx, target, { decision: 'reject', reason: `Blocked member: ${reason}` });
        refused[kind]++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error; // decided meanwhile by someone else: theirs stands
      }
    }
  }
  return { memberId, blocked: true, hiddenIdeas: refused.IDEA, hiddenComments: refused.COMMENT };
}
