import {
  createChallenge,
  decideChallenge,
  favourEntry,
  scheduleChallenge,
  scoreEntry,
  shortlistEntry,
  submitEntry,
} from '../../core/challenge/index.js';
import type { Ctx } from '../../core/context.js';
import type { Member } from '../../core/member/index.js';
import type { Tenant } from '../../core/tenant/index.js';
import type { DemoChallenge } from './types.js';

const DAY = 24 * 3600 * 1000;

/**
 * Two challenges per demo portal, through the core's own functions on a moved clock: one in
 * its public review (entries to read and favour now), one decided (laureates and rewards).
 * The demo team account runs them and sits on the jury; the other members enter.
 */
export async function seedChallenges(
  tenant: Tenant,
  team: Member,
  members: Member[],
  demo: DemoChallenge[],
  now: Date,
) {
  const as = (member: Member, t: number): Ctx => ({
    tenant,
    actor: { kind: 'member', memberId: member.id, role: member.role, verified: true, displayName: member.displayName },
    now: new Date(t),
  });
  const day = (n: number) => now.getTime() + n * DAY;
  const entrants = members.filter((m) => m.id !== team.id && m.role !== 'owner');
  for (const [i, challenge] of demo.entries()) {
    const decided = i === 1;
    // The decided one ran from 50 to 20 days ago; the other opened 10 days ago and is in its review.
    const [opens, submissionEnds, reviewEnds, juryEnds] = decided ? [-50, -40, -30, -20] : [-10, -2, 5, 10];
    const created = await createChallenge(as(team, day(opens - 3)), {
      ...challenge.fields,
      jurors: [team.id],
      timeline: {
        opensAt: new Date(day(opens)).toISOString(),
        submissionEndsAt: new Date(day(submissionEnds)).toISOString(),
        reviewEndsAt: new Date(day(reviewEnds)).toISOString(),
        juryEndsAt: new Date(day(juryEnds)).toISOString(),
      },
    });
    await scheduleChallenge(as(team, day(opens - 2)), created.id);
    const entries = [];
    for (const [n, [title, body]] of challenge.entries.entries()) {
      const author = entrants[(n + i) % entrants.length]!;
      entries.push(await submitEntry(as(author, day(opens + 1 + n)), created.id, { title, body, accept: true }));
    }
    // The crowd's favourites, during the review (for the running one: so far).
    for (const [n, entry] of entries.entries())
      for (const fan of entrants.slice(0, entries.length - n + 1))
        await favourEntry(as(fan, day(submissionEnds + 0.5)), created.id, entry.id, { on: true }).catch(
          () => undefined,
        );
    if (!decided) continue;
    for (const [n, entry] of entries.entries()) {
      await scoreEntry(as(team, day(reviewEnds + 1)), created.id, entry.id, { score: 9 - n });
      if (n < 3) await shortlistEntry(as(team, day(reviewEnds + 2)), created.id, entry.id, { shortlisted: true });
    }
    await decideChallenge(as(team, day(juryEnds + 1)), created.id, { ranking: entries.slice(0, 3).map((e) => e.id) });
  }
}
