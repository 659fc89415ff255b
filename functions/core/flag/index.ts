import { z } from 'zod';
import { requireContributor } from '../authz.js';
import { getComment } from '../comment/index.js';
import { flags, flagTargets, itemAbsent, keys, writeAllOrNothing } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { IdPattern } from '../ids.js';
import { getIdea } from '../idea/index.js';
import { hit } from '../ratelimit.js';
import { fn } from '../fn.js';

export const FlagInput = z.object({
  target: z.string().regex(/^(idea|comment):[0-9a-z]{20}$/, 'idea:<id> or comment:<id>.'),
  reason: z.enum(['spam', 'offensive', 'duplicate']),
});

/**
 * A member flags an idea or a comment, once per target; the target enters the team's flagged
 * queue with its number of flags, in the same transaction.
 */
export const flag = /* @__PURE__ */ fn(
  requireContributor,
  FlagInput,
  async (ctx, { target, reason }, member): Promise<{ flagged: true }> => {
    const [kind, id] = target.split(':') as ['idea' | 'comment', string];
    if (!IdPattern.test(id)) throw notFound(kind);
    // Only what the member may see: a comment held for the team is not there to flag.
    if (kind === 'idea') await getIdea(ctx, id);
    else await getComment(ctx, id);
    await hit(ctx, 'write:account', member.memberId);
    const at = (ctx.now ?? new Date()).toISOString();
    // A second flag by the same member fails its condition and writes nothing: counted once.
    await writeAllOrNothing([
      flags.put(
        [ctx.tenant.id, target, member.memberId],
        { target, reason, memberId: member.memberId, flaggedAt: at },
        itemAbsent,
      ),
      // The target enters the flag queue on its first flag (the entity writes its type with it).
      flagTargets.update([ctx.tenant.id, target], {
        UpdateExpression:
          'ADD flags :one SET target = :t, queueKey = :q, queueSort = if_not_exists(queueSort, :at), lastReason = :r',
        ExpressionAttributeValues: {
          ':one': 1,
          ':t': target,
          ':q': keys.queue(ctx.tenant.id, 'FLAGGED'),
          ':at': at,
          ':r': reason,
        },
      }),
    ]);
    return { flagged: true };
  },
);
