import { afterAll, describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { getIdea, submitIdea } from '../../functions/core/idea/index.js';
import { getDashboard } from '../../functions/core/insights/index.js';
import type { Member } from '../../functions/core/member/index.js';
import { mergeIdea } from '../../functions/core/team/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { createSession, sessionCookie } from '../../functions/core/identity/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { client } from '../support/http.js';
import { insertMembers } from '../support/members.js';
import { asMember, hostOf, makeTenant } from '../support/tenants.js';
import { eventually } from '../support/wait.js';

const idea = (tenant: Tenant, author: Member, title: string) =>
  submitIdea(asMember(tenant, author), { sectionId: 'product', title, body: 'Put to the vote of the whole portal.' });
const count = async (tenant: Tenant, id: string) => (await getIdea({ tenant, actor: system }, id)).upVotes;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The votes the team's dashboard counts for the portal from `from` to today, once the table's
 * stream has aggregated as many as were cast.
 */
async function dashboardVotes(tenant: Tenant, from: string, cast: number): Promise<number> {
  const votes = async () => (await getDashboard({ tenant, actor: system }, { from, to: today() })).period.votes;
  await eventually(async () => (await votes()) >= cast, 120_000);
  return votes();
}

/** Members written in batches are accounts like any: a session of one is signed in as them. */
async function expectSignedIn(tenant: Tenant, member: Member) {
  const web = client(hostOf(tenant));
  web.cookie = `${sessionCookie(`http://${hostOf(tenant)}`).name}=${await createSession(tenant.id, member.id)}`;
  const me = await web.get('/api/me');
  expect(me.status).toBe(200);
  expect(me.json).toMatchObject({ id: member.id, email: member.email, verified: true });
}

/** Each storm's portal, the day it began, and how many votes it cast. */
const storms: { tenant: Tenant; from: string; cast: number }[] = [];

/** Vote stuffing by concurrency: the counts stay exact however many arrive at once. */
describe('a vote storm', () => {
  // The dashboard, fed by the table's stream, counts each vote cast once. Checked after both
  // storms (the second runs while the stream still works through the first), and waited for, so
  // that the files after this one find the stream caught up.
  afterAll(async () => {
    for (const { tenant, from, cast } of storms) expect(await dashboardVotes(tenant, from, cast)).toBe(cast);
  }, 240_000);

  it('1,000 members voting on one idea at once count exactly 1,000', async () => {
    const from = today();
    const tenant = await makeTenant();
    const members = await insertMembers(tenant, 1001);
    await expectSignedIn(tenant, members[1000]!);
    const target = await idea(tenant, members[0]!, 'The idea everyone wants');
    const answers = await Promise.allSettled(
      members.slice(1).map((m) => castVote(asMember(tenant, m), { ideaId: target.id, value: 1 })),
    );
    const refused = answers.filter((a) => a.status === 'rejected');
    expect(refused.map((a) => String((a as PromiseRejectedResult).reason))).toEqual([]);
    expect(await count(tenant, target.id)).toBe(1000);
    storms.push({ tenant, from, cast: 1000 });
  }, 240_000);

  it('members voting on a duplicate while it is merged: every voter counts once on the kept idea', async () => {
    const from = today();
    const tenant = await makeTenant();
    const members = await insertMembers(tenant, 301);
    const [author, ...voters] = members as [Member, ...Member[]];
    const kept = await idea(tenant, author, 'Reusable cups everywhere');
    const dup = await idea(tenant, author, 'Reusable cups, please');
    // 0..99 voted for the kept idea beforehand; 50..299 vote for the duplicate while it is merged.
    await Promise.all(voters.slice(0, 100).map((v) => castVote(asMember(tenant, v), { ideaId: kept.id, value: 1 })));
    const team = {
      tenant,
      actor: { kind: 'member' as const, memberId: author.id, role: 'team' as const, verified: true },
    };
    const during = voters.slice(50, 300).map((v) => castVote(asMember(tenant, v), { ideaId: dup.id, value: 1 }));
    const [merged, ...votes] = await Promise.allSettled([mergeIdea(team, dup.id, { into: kept.id }), ...during]);
    expect(merged.status).toBe('fulfilled');
    // A vote that arrived after the merge is refused (404: the duplicate takes no more votes), never lost silently.
    const late = votes.filter((v) => v.status === 'rejected');
    for (const v of late) expect((v as PromiseRejectedResult).reason).toMatchObject({ status: 404 });
    // The kept idea counts each voter once: 0..99, plus every duplicate voter not already there (100..299 that landed).
    const lateIds = new Set(votes.flatMap((v, i) => (v.status === 'rejected' ? [voters[50 + i]!.id] : [])));
    const expected = 100 + voters.slice(100, 300).filter((v) => !lateIds.has(v.id)).length;
    // Merging again carries nothing more; the count is the exact union.
    await mergeIdea(team, dup.id, { into: kept.id });
    expect(await count(tenant, kept.id)).toBe(expected);
    // Cast: the 100 on the kept idea and those that landed on the duplicate (a vote the merge carried over is not a new one).
    storms.push({ tenant, from, cast: 100 + votes.length - late.length });
  }, 240_000);
});
