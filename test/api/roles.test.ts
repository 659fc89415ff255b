import { describe, expect, it } from 'vitest';
import { system, type Role } from '../../functions/core/context.js';
import { addToPartnerAsSystem } from '../../functions/core/offer/index.js';
import { lastMessageTo } from '../support/outbox.js';
import { client } from '../support/http.js';
import { hostOf } from '../support/tenants.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';

describe('team routes and roles', () => {
  it('every team route refuses every lower role: 401 for visitors, 403 for members and partners', async () => {
    const { tenant, members, as } = await portalWithRoles();
    const routes = [
      (w: ReturnType<typeof client>) => w.get('/api/members'),
      (w: ReturnType<typeof client>) => w.patch(`/api/members/${members.member.id}`, { role: 'team' }),
      (w: ReturnType<typeof client>) => w.post('/api/invitations', { email: 'x@example.test', role: 'team' }),
    ];
    for (const route of routes) expect((await route(client(hostOf(tenant)))).status).toBe(401);
    for (const role of ['member', 'partner'] as const) {
      const web = await as(role);
      for (const route of routes) expect((await route(web)).status, role).toBe(403);
    }
    const team = await as('team');
    expect((await routes[0]!(team)).status).toBe(200);
    expect((await routes[1]!(team)).status).toBe(403);
    expect((await routes[2]!(team)).status).toBe(403);
  });

  it('an invitation gives its role on this portal; admins cannot make owners; the last owner stays', async () => {
    const { members, as } = await portalWithRoles();
    const admin = await as('admin');
    expect((await admin.post('/api/invitations', { email: 'newowner@example.test', role: 'owner' })).status).toBe(403);
    expect((await admin.patch(`/api/members/${members.owner.id}`, { role: 'member' })).status).toBe(403);
    expect((await admin.post('/api/invitations', { email: 'Analyst@Example.test', role: 'team' })).status).toBe(201);

    const mail = await lastMessageTo('analyst@example.test');
    expect(mail.subject).toContain('invites you');
    // Opened while signed in with another account: refused, and the invitation stays usable.
    const wrong = await as('member');
    expect((await wrong.post('/api/invitations/accept', { token: mail.token })).json.error.code).toBe('wrong_account');
    const invitee = client(new URL(mail.link).host);
    const accepted = await invitee.post('/api/invitations/accept', {
      token: mail.token,
      displayName: 'Analyst',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.profile).toMatchObject({ email: 'analyst@example.test', role: 'team', verified: true });
    expect((await invitee.get('/api/members')).status).toBe(200);

    const owner = await as('owner');
    const listed = (await owner.get('/api/members')).json.items.map((m: { email: string }) => m.email);
    expect(listed).toContain('analyst@example.test');
    const demoted = await owner.patch(`/api/members/${members.owner.id}`, { role: 'admin' });
    expect(demoted.status).toBe(409);
    expect(demoted.json.error.code).toBe('last_owner');

    // A role change ends the member's sessions.
    const teamMember = await as('team');
    expect((await owner.patch(`/api/members/${members.team.id}`, { role: 'member' })).json.role).toBe('member');
    expect((await teamMember.get('/api/me')).status).toBe(401);
  });

  it('listing and revoking invitations, and removing someone from a partner organisation: every role gets its stated answer', async () => {
    const { tenant, members, as } = await portalWithRoles();
    const other = await portalWithRoles();
    const owner = await as('owner');
    const org = (await owner.post('/api/partners', { name: 'Volta Labs', country: 'DE' })).json.id as string;
    let sent = 0;
    /** Each call gets a target that exists, so a refusal is about the caller, never a missing thing. */
    const invitation = async () => {
      await owner.post('/api/invitations', { email: `guest${sent++}@example.test`, role: 'team' });
      const pending = (await owner.get('/api/invitations')).json.items as { id: string }[];
      return pending.at(-1)!.id;
    };
    const person = async () => {
      await addToPartnerAsSystem({ tenant, actor: system }, org, { id: members.partner.id, displayName: 'partner' });
      return members.partner.id;
    };
    type Who = 'visitor' | Role | 'otherOwner';
    const refusedBelowAdmin = { visitor: 401, member: 403, partner: 403, team: 403, juror: 403, otherOwner: 401 };
    const routes: [string, () => Promise<string>, Record<Who, number>][] = [
      ['GET', async () => '/api/invitations', { ...refusedBelowAdmin, admin: 200, owner: 200 }],
      [
        'DELETE',
        async () => `/api/invitations/${await invitation()}`,
        { ...refusedBelowAdmin, admin: 200, owner: 200 },
      ],
      [
        'DELETE',
        async () => `/api/partners/${org}/members/${await person()}`,
        { ...refusedBelowAdmin, admin: 200, owner: 200 },
      ],
    ];
    const otherOwner = client(hostOf(tenant));
    otherOwner.cookie = (await other.as('owner')).cookie; // another portal's owner session, presented here
    // The refused first: a granted removal signs its partner out.
    const callers: [Who, ReturnType<typeof client>][] = [
      ['visitor', client(hostOf(tenant))],
      ['otherOwner', otherOwner],
      ...(await Promise.all(
        (['member', 'partner', 'team', 'juror', 'admin', 'owner'] as const).map(
          async (r) => [r, await as(r)] as [Who, ReturnType<typeof client>],
        ),
      )),
    ];
    for (const [method, pathOf, expected] of routes)
      for (const [who, web] of callers) {
        const path = await pathOf();
        expect((await web.call(method, path)).status, `${method} ${path} as ${who}`).toBe(expected[who]);
      }
  });
});
