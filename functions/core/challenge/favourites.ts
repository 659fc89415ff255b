import { requireContributor } from '../authz.js';
import { nowIso, type Ctx } from '../context.js';
import { entries, favouriteCaps, favourites, itemAbsent, itemExists, writeAllOrNothing } from '../db/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { entryAccess, viewerOf } from './access.js';
import { readChallenge } from './challenges.js';
import { readEntry } from './entries.js';
import { openIn, phaseAt } from './phase.js';
import { Favour } from './schema.js';

/**
 * A member's favourite ("coup de cœur") on an entry, during the public review: one per member
 * per entry, and at most the challenge's cap per member. The favourite, the entry's count (its
 * sort key on the most-favoured list) and the member's count for the cap change in one
 * transaction, each conditioned, so 300 members at once count exactly and nobody passes the cap.
 * Giving one twice, or taking back one not given, changes nothing.
 */
export async function favourEntry(ctx: Ctx, challengeId: string, entryId: string, input: { on?: unknown }) {
  const member = requireContributor(ctx);
  const challenge = await readChallenge(ctx, challengeId);
  const { on } = parseInput(Favour, input);
  const entry = await readEntry(ctx, challenge.id, entryId);
  const phase = phaseAt(challenge, ctx.now ?? new Date());
  const viewer = viewerOf(ctx, challenge);
  if (!entryAccess(challenge, phase, viewer, entry).see || entry.status !== 'active') throw notFound('entry');
  if (!openIn('favour', phase)) throw new DomainError('favourites_closed', 409, say('challenge.favouritesNotOpen'));
  if (entry.authorId === member.memberId) throw new DomainError('own_entry', 400, say('challenge.favouriteOwn'));
  const step = on ? 1 : -1;
  const tenantId = ctx.tenant.id;
  const written = await writeAllOrNothing([
    on
      ? favourites.put(
          [tenantId, challenge.id, entry.id, member.memberId],
          {
            entryId: entry.id,
            memberId: member.memberId,
            at: nowIso(ctx),
          },
          itemAbsent,
        )
      : favourites.remove([tenantId, challenge.id, entry.id, member.memberId], itemExists),
    entries.update([tenantId, challenge.id, entry.id], {
      UpdateExpression: 'ADD favourites :step, topScore :step',
      ConditionExpression: '#status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':step': step, ':active': 'active' },
    }),
    favouriteCaps.update([tenantId, challenge.id, member.memberId], {
      UpdateExpression: 'SET memberId = :member ADD #count :step',
      ...(on ? { ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap' } : {}),
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: {
        ':step': step,
        ':member': member.memberId,
        ...(on ? { ':cap': challenge.favouritesPerMember } : {}),
      },
    }),
  ]);
  if (written.ok || written.failed[0]) return { on };
  if (written.failed[1]) throw notFound('entry');
  throw new DomainError(
    'favourite_cap',
    409,
    say('challenge.favouriteCap', { cap: String(challenge.favouritesPerMember) }),
  );
}
