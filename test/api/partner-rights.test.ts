import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { addToPartnerAsSystem } from '../../functions/core/offer/index.js';
import { signUpByMail } from '../support/signup.js';
import { client } from '../support/http.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { hostOf } from '../support/tenants.js';

type Api = ReturnType<typeof client>;

const OFFER = {
  title: 'Recycled lithium battery packs',
  summary: 'Second-life battery modules from electric vehicles for stationary storage.',
  description: 'We test and regroup used cells into certified packs.',
  keywords: ['battery', 'recycling'],
  maturity: 'pilot_series',
  trl: 7,
  sectors: ['energy'],
  ip: 'patented',
  partnerships: ['licensing'],
  country: 'DE',
  visibility: 'public',
};

/**
 * A portal whose partner (`partner@`) belongs to one organisation, with a draft of it and a
 * private thread the team opened on its published offer.
 */
async function partnerWithWork() {
  const portal = await portalWithRoles();
  const team = await portal.as('team');
  const org = (await team.post('/api/partners', { name: 'Volta Labs', country: 'DE' })).json.id as string;
  await addToPartnerAsSystem({ tenant: portal.tenant, actor: system }, org, {
    id: portal.members.partner.id,
    displayName: 'Paula Partner',
  });
  const partner = await portal.as('partner');
  const draft = (await partner.post('/api/offers', { title: 'Ceramic heat exchanger' })).json.id as string;
  const offer = (await partner.post('/api/offers', OFFER)).json.id as string;
  expect((await partner.post(`/api/offers/${offer}/publish`)).status).toBe(200);
  const thread = (await team.post(`/api/offers/${offer}/interest`, { body: 'Could we test ten packs?' })).json
    .id as string;
  return { ...portal, team, org, draft, thread };
}

/** What a partner account reaches of an organisation's private work: its draft, its thread, its people. */
async function reach(web: Api, work: { org: string; draft: string; thread: string }) {
  return {
    draft: (await web.get(`/api/offers/${work.draft}`)).status,
    thread: (await web.get(`/api/threads/${work.thread}`)).status,
    people: (await web.get(`/api/partners/${work.org}/members`)).status,
  };
}

describe('stale partner rights', () => {
  it('an owner removes a person from an organisation: access ends, and the partner role given back restores nothing', async () => {
    const work = await partnerWithWork();
    const { members, as, team, org } = work;
    const partner = await as('partner');
    expect(await reach(partner, work)).toEqual({ draft: 200, thread: 200, people: 200 });

    const owner = await as('owner');
    const removed = await owner.del(`/api/partners/${org}/members/${members.partner.id}`);
    expect(removed.status).toBe(200);
    // Out of their last organisation, the partner is a member again, and signed out.
    expect(removed.json).toEqual({ partnerId: org, memberId: members.partner.id, role: 'member' });
    expect((await partner.get('/api/me')).status).toBe(401);
    expect((await team.get(`/api/partners/${org}/members`)).json.items).toEqual([]);
    expect((await owner.del(`/api/partners/${org}/members/${members.partner.id}`)).status).toBe(404);

    expect((await owner.patch(`/api/members/${members.partner.id}`, { role: 'partner' })).status).toBe(200);
    const again = await as('partner');
    expect(await reach(again, work)).toEqual({ draft: 404, thread: 404, people: 403 });
    // A partner of no organisation has no threads to list, and no offers of their own.
    expect((await again.get('/api/threads')).status).toBe(403);
    expect((await again.get('/api/offers?mine=1')).status).toBe(403);
  });

  it('a role change off partner, or onto it, drops every old membership', async () => {
    const work = await partnerWithWork();
    const { tenant, members, as, org } = work;
    const owner = await as('owner');
    expect((await owner.patch(`/api/members/${members.partner.id}`, { role: 'member' })).status).toBe(200);
    expect((await owner.patch(`/api/members/${members.partner.id}`, { role: 'partner' })).status).toBe(200);
    expect(await reach(await as('partner'), work)).toEqual({ draft: 404, thread: 404, people: 403 });

    // A membership left behind by an older version (a member still listed): becoming a partner does not revive it.
    await addToPartnerAsSystem({ tenant, actor: system }, org, { id: members.member.id, displayName: 'member' });
    expect((await owner.patch(`/api/members/${members.member.id}`, { role: 'partner' })).status).toBe(200);
    expect(await reach(await as('member'), work)).toEqual({ draft: 404, thread: 404, people: 403 });
  });

  it('a person in two organisations, removed from one, keeps the other, the role and the session', async () => {
    const work = await partnerWithWork();
    const { tenant, members, as, team, org } = work;
    const second = (await team.post('/api/partners', { name: 'Algae Works', country: 'FR' })).json.id as string;
    await addToPartnerAsSystem({ tenant, actor: system }, second, { id: members.partner.id, displayName: 'Paula' });
    const partner = await as('partner');
    const removed = await (await as('admin')).del(`/api/partners/${org}/members/${members.partner.id}`);
    expect(removed.json).toMatchObject({ role: 'partner' });
    expect(await reach(partner, work)).toEqual({ draft: 404, thread: 404, people: 403 });
    expect((await partner.get(`/api/partners/${second}/members`)).status).toBe(200);
  });

  it('another portal reaches nothing: its owner’s session is no one here, and on its own host the ids are unknown', async () => {
    const work = await partnerWithWork();
    const other = await portalWithRoles();
    const theirs = await other.as('owner');
    const path = `/api/partners/${work.org}/members/${work.members.partner.id}`;
    const presented = client(hostOf(work.tenant));
    presented.cookie = theirs.cookie;
    expect((await presented.del(path)).status).toBe(401);
    expect((await theirs.del(path)).status).toBe(404);
    expect((await work.team.get(`/api/partners/${work.org}/members`)).json.items).toHaveLength(1);
  });

  it('deleting an account takes its name off the organisation and its access with it', async () => {
    const work = await partnerWithWork();
    const { tenant, as, team, org } = work;
    expect((await (await as('partner')).del('/api/me')).status).toBe(200);
    expect((await team.get(`/api/partners/${org}/members`)).json.items).toEqual([]);

    // The same e-mail signs up again and is made a partner: the old organisation is not theirs.
    const back = client(hostOf(tenant));
    const signedUp = await signUpByMail(back, {
      email: 'partner@example.test',
      password: PASSWORD,
      displayName: 'Back again',
    });
    expect(signedUp.status).toBe(201);
    expect(
      (await (await as('owner')).patch(`/api/members/${signedUp.json.profile.id}`, { role: 'partner' })).status,
    ).toBe(200);
    expect(await reach(await as('partner'), work)).toEqual({ draft: 404, thread: 404, people: 403 });
  });
});
