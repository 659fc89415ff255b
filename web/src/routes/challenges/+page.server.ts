import { can } from '$core/authz';
import { listChallenges, type ChallengeView } from '$core/challenge/index';
import { loadPublic } from '$lib/server/core';
import type { PageServerLoad } from './$types';

const DAY = 86_400_000;
/** A challenge whose submission ends within this is "closing soon". */
const CLOSING_SOON = 3 * DAY;

const GROUPS = ['closingSoon', 'open', 'upcoming', 'judging', 'decided', 'closed', 'drafts'] as const;
type Group = (typeof GROUPS)[number];

function groupOf(challenge: ChallengeView, now: number): Group {
  switch (challenge.phase) {
    case 'submission':
      return new Date(challenge.timeline.submissionEndsAt).getTime() - now < CLOSING_SOON ? 'closingSoon' : 'open';
    case 'scheduled':
      return 'upcoming';
    case 'draft':
      return 'drafts';
    case 'decided':
    case 'closed':
      return challenge.phase;
    default:
      return 'judging';
  }
}

/** The portal's challenges (newest first, a page at a time), grouped by where they stand now. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadPublic(locals, async (ctx) => {
    const page = await listChallenges(ctx, { limit: 50, cursor: url.searchParams.get('cursor') ?? undefined });
    const now = (ctx.now ?? new Date()).getTime();
    const groups = GROUPS.map((group) => ({
      group,
      items: page.items
        .filter((c) => groupOf(c, now) === group)
        .map(({ id, title, phase, timeline, decidedAt, prize }) => ({ id, title, phase, timeline, decidedAt, prize })),
    })).filter((g) => g.items.length);
    return { groups, next: page.cursor, canManage: can(ctx.actor, 'challenges.manage') };
  });
