import { addComment } from '../../core/comment/index.js';
import { system, type Ctx } from '../../core/context.js';
import { submitIdea } from '../../core/idea/index.js';
import { createMember } from '../../core/identity/index.js';
import { createTenant, setSystemBrandImage, getTenantIdBySlug } from '../../core/tenant/index.js';
import { castVote } from '../../core/vote/index.js';
import { changeStatus } from '../../core/team/index.js';
import { cafe } from './cafe.js';
import { heroSvg, monogramSvg } from './logo.js';
import { motors } from './motors.js';
import { seedOffers } from './offers.js';
import { seedChallenges } from './challenges.js';
import type { DemoPortal } from './types.js';

export const DEMO_PORTALS = [cafe, motors];

const DAY = 24 * 3600 * 1000;

/** Local demo only: the accounts `npm start` prints, one per role, sharing this password. */
export const DEMO_PASSWORD = 'idea-portal-demo';
const DEMO_ROLES = ['owner', 'team', 'partner', 'member'] as const;

export function demoAccounts(portal: DemoPortal) {
  return DEMO_ROLES.map((role, i) => ({ role, email: `demo${i + 1}@${portal.slug}.example` }));
}

/** Deterministic pseudo-random numbers, so every fresh start seeds the same demo. */
function generator(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Seeds one demo portal through the core's own functions, spreading activity over the last 60 days. */
export async function seedPortal(portal: DemoPortal, now = new Date()) {
  const start = now.getTime() - 60 * DAY;
  const at = (t: number) => new Date(Math.min(t, now.getTime()));
  let tenant = await createTenant({ actor: system, now: new Date(start) }, { slug: portal.slug, ...portal.settings });
  tenant = await setSystemBrandImage(
    { tenant, actor: system },
    { contentType: 'image/svg+xml', body: monogramSvg(portal.logo) },
  );
  tenant = await setSystemBrandImage(
    { tenant, actor: system },
    { kind: 'hero', contentType: 'image/svg+xml', body: heroSvg(tenant.theme) },
  );
  const systemCtx: Ctx = { tenant, actor: system };
  const lang = tenant.defaultLang;
  const members = await Promise.all(
    portal.members.map((displayName, i) => {
      const account = demoAccounts(portal)[i];
      return createMember(systemCtx, {
        email: account?.email ?? `demo${i + 1}@${portal.slug}.example`,
        displayName,
        lang,
        ...(account ? { role: account.role, password: DEMO_PASSWORD } : {}),
      });
    }),
  );
  const as = (memberId: string, t: number): Ctx => ({
    tenant,
    actor: { kind: 'member', memberId, role: 'member', verified: true },
    now: at(t),
  });

  const ideas = await Promise.all(
    portal.ideas.map(async ([sectionId, categoryId, title, body], i) => {
      // One generator per idea: the ideas are seeded concurrently, yet every start seeds the same demo.
      const random = generator(7919 * (i + 1) + portal.slug.length);
      const author = members[i % members.length]!;
      const postedAt = start + (i / portal.ideas.length) * 55 * DAY + random() * DAY;
      const idea = await submitIdea(as(author.id, postedAt), { sectionId, categoryId, title, body });
      const voters = members.filter((m) => m.id !== author.id && random() < 0.25 + (i % 5) * 0.15);
      for (const voter of voters) {
        const value = tenant.votingMode === 'updown' && random() < 0.15 ? -1 : 1;
        await castVote(as(voter.id, postedAt + random() * 5 * DAY), { ideaId: idea.id, value });
      }
      const commentCount = Math.floor(random() * 4);
      for (let c = 0; c < commentCount; c++) {
        const writer = members[(i + c + 3) % members.length]!;
        const body = portal.comments[(i * 3 + c) % portal.comments.length]!;
        await addComment(as(writer.id, postedAt + (c + 1) * 0.7 * DAY), { ideaId: idea.id, body });
      }
      return idea;
    }),
  );
  // The innovation team (the demo "team" account) has answered a few ideas: "ideas in action" is not empty.
  const teamMember = members[1]!;
  for (const [n, [index, status, response]] of portal.answers.entries()) {
    const when = at(now.getTime() - (portal.answers.length - n) * DAY);
    const team: Ctx = {
      tenant,
      actor: {
        kind: 'member',
        memberId: teamMember.id,
        role: 'team',
        verified: true,
        displayName: teamMember.displayName,
      },
      now: when,
    };
    await changeStatus(team, ideas[index]!.id, { status, response });
  }
  await seedOffers(tenant, teamMember, members[2]!, portal.offers, now);
  await seedChallenges(tenant, { ...teamMember, role: 'team' }, members, portal.challenges, now);
  return tenant;
}

/** Seeds each demo portal whose slug is still free: a restart keeps existing data as it is. */
export async function seedIfEmpty(): Promise<string[]> {
  const seeded: string[] = [];
  for (const portal of DEMO_PORTALS) {
    if (await getTenantIdBySlug(portal.slug)) continue;
    await seedPortal(portal);
    seeded.push(portal.slug);
  }
  return seeded;
}
