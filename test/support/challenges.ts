import { system } from '../../functions/core/context.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import type { Member } from '../../functions/core/member/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { createChallenge, scheduleChallenge, type CreateChallenge } from '../../functions/core/challenge/index.js';
import type { z } from 'zod';
import { actingAs } from './tenants.js';

/* A challenge on a clock the test holds: every phase an hour long, from `start`. */

export const HOUR = 3600_000;
export const at = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR);

/** The moment inside each phase of a challenge made by `runningChallenge` from `start`. */
export const inPhase = (start: Date) => ({
  scheduled: at(start, -0.5),
  submission: at(start, 0.5),
  review: at(start, 1.5),
  jury: at(start, 2.5),
  shortlist: at(start, 3.5),
});

export async function teamMember(tenant: Tenant, name = 'Tess Team'): Promise<Member> {
  return createMember(
    { tenant, actor: system },
    {
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@team.example.test`,
      displayName: name,
      lang: 'en',
      role: 'team',
    },
  );
}

/** A scheduled challenge: submission from `start` for an hour, then an hour each of review and jury, then the shortlist. */
export async function runningChallenge(
  tenant: Tenant,
  team: Member,
  start: Date,
  fields: Partial<z.input<typeof CreateChallenge>> = {},
) {
  const ctx = actingAs(tenant, team, at(start, -1));
  const created = await createChallenge(ctx, {
    title: { en: 'Design our next mug', fr: 'Dessinez notre prochaine tasse' },
    brief: { en: 'A mug people keep.', fr: 'Une tasse que l’on garde.' },
    ipClause: { en: 'The winner assigns the design’s rights to the brand.' },
    rewards: [
      { rank: 1, amount: 600, currency: 'EUR' },
      { rank: 2, amount: 200, currency: 'EUR' },
    ],
    timeline: {
      opensAt: start.toISOString(),
      submissionEndsAt: at(start, 1).toISOString(),
      reviewEndsAt: at(start, 2).toISOString(),
      juryEndsAt: at(start, 3).toISOString(),
    },
    ...fields,
  });
  return scheduleChallenge(ctx, created.id);
}
