import {
  batchGet,
  ideas,
  keys,
  ownedByMember,
  votes,
  writeAllOrNothing,
  type Condition,
  type TransactResult,
  type Write,
} from '../db/index.js';
import { DomainError, say } from '../errors/index.js';
import { voteCounts } from './counts.js';

/** DynamoDB's limit of items in one transaction. */
const MAX_ITEMS = 100;
/** Withdrawing one vote writes two items: the vote's removal and its idea's counts. */
const ITEMS_PER_VOTE = 2;
const MAX_ROUNDS = 8;

interface Held {
  ideaId: string;
  value: number;
  weight?: number;
  carried?: string;
}

/**
 * Every vote a member holds, as the table has it now: those the owner index lists, and those a
 * merge copied onto the kept idea (followed from the `carried` of the duplicate's vote, so a
 * copy the eventually consistent index has not listed yet is withdrawn too). A vote on a merged
 * or deleted idea counts on that idea's item: it is withdrawn from there.
 */
async function votesHeld(tenantId: string, memberId: string): Promise<Held[]> {
  const seen = new Set<string>();
  let asked: string[] = [];
  const ask = (ideaId: unknown) => {
    if (typeof ideaId !== 'string' || seen.has(ideaId)) return;
    seen.add(ideaId);
    asked.push(ideaId);
  };
  for await (const vote of ownedByMember(tenantId, memberId, 'VOTE')) {
    ask(vote.ideaId);
    ask(vote.carried);
  }
  const held: Held[] = [];
  while (asked.length) {
    const found = await batchGet(
      asked.map((ideaId) => keys.vote(tenantId, ideaId, memberId)),
      undefined,
      { consistent: true },
    );
    asked = [];
    for (const vote of found) {
      held.push({
        ideaId: String(vote.ideaId),
        value: Number(vote.value),
        weight: vote.weight as number | undefined,
        carried: vote.carried as string | undefined,
      });
      ask(vote.carried);
    }
  }
  return held;
}

/** `#name = :name`, or that the attribute is absent when it was read absent. */
function sameAs(read: Record<string, unknown>): Condition {
  const names = Object.keys(read);
  return {
    ConditionExpression: names
      .map((n) => (read[n] === undefined ? `attribute_not_exists(#${n})` : `#${n} = :${n}`))
      .join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
    ExpressionAttributeValues: Object.fromEntries(
      names.filter((n) => read[n] !== undefined).map((n) => [`:${n}`, read[n]]),
    ),
  };
}

/** The vote goes, only as it was read, and its idea's counts and sort scores take back exactly what it gave. */
function withdrawal(tenantId: string, memberId: string, vote: Held): Write[] {
  const { ideaId, value, weight, carried } = vote;
  return [
    votes.remove([tenantId, ideaId, memberId], sameAs({ value, weight, carried })),
    ideas.update([tenantId, ideaId], {
      ...voteCounts({ up: value === 1 ? -1 : 0, down: value === -1 ? -1 : 0, trend: -(weight ?? 0) }),
      // Ideas are never removed (a deleted one is marked): this keeps the ADD from creating one.
      ConditionExpression: 'attribute_exists(pk)',
    }),
  ];
}

/**
 * Withdraws every vote of an account that is being deleted (and takes no new vote: see
 * castVote), and writes `last` (the account's own removal) in the transaction that withdraws the
 * final ones. No rate limit applies: the member is not voting.
 *
 * Why this shape: a transaction holds 100 items, so a member with more votes than fit beside
 * `last` has them withdrawn first in transactions of 50 whole votes, each vote's removal with its
 * idea's counts, so every count is exact after every transaction. Each removal is conditioned on
 * the vote as read: if a merge carried it meanwhile, the transaction writes nothing and the votes
 * are read again. The account goes only with its final votes, so it never vanishes while any
 * vote of it still counts; a failure half-way leaves an account with fewer votes, all counts
 * exact, and deleting it again withdraws the rest.
 *
 * Returns how `last` went (`failed` indexes `last`).
 */
export async function withdrawEveryVote(tenantId: string, memberId: string, last: Write[]): Promise<TransactResult> {
  const room = Math.floor((MAX_ITEMS - last.length) / ITEMS_PER_VOTE);
  const chunk = Math.floor(MAX_ITEMS / ITEMS_PER_VOTE);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const held = await votesHeld(tenantId, memberId);
    if (held.length > room) {
      const first = held.slice(0, held.length - room);
      for (let i = 0; i < first.length; i += chunk) {
        const written = await writeAllOrNothing(
          first.slice(i, i + chunk).flatMap((v) => withdrawal(tenantId, memberId, v)),
        );
        if (!written.ok) break; // a vote changed since it was read: read them again
      }
      continue; // read again: what is left must be read after the rest went
    }
    const written = await writeAllOrNothing([...held.flatMap((v) => withdrawal(tenantId, memberId, v)), ...last]);
    if (written.ok) return written;
    const failed = written.failed.slice(held.length * ITEMS_PER_VOTE);
    if (failed.some(Boolean)) return { ok: false, failed };
  }
  throw new DomainError('vote_conflict', 409, say('vote.changed'));
}
