import { beforeAll, describe, expect, it, vi } from 'vitest';
import { system, type Ctx } from '../../functions/core/context.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { addToPartnerAsSystem, dropOfferIndexes } from '../../functions/core/offer/index.js';
import { getObjectText } from '../../functions/core/aws/s3-object.js';
import { keys } from '../../functions/core/db/keys.js';
import { client } from '../support/http.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { hostOf, makeTenant } from '../support/tenants.js';
import { eventually } from '../support/wait.js';
import { lastMessageTo } from '../support/outbox.js';

type Api = ReturnType<typeof client>;

/** A fixed catalogue in both languages; `visibility` spans the three levels. */
const CATALOGUE = {
  batteryEn: {
    title: 'Recycled lithium battery packs',
    summary: 'Second-life battery modules from electric vehicles for stationary storage.',
    description: 'We test and regroup **used cells** into certified packs.',
    keywords: ['battery', 'recycling', 'storage'],
    maturity: 'pilot_series',
    trl: 7,
    sectors: ['energy', 'mobility'],
    ip: 'patented',
    partnerships: ['licensing', 'manufacturing'],
    country: 'DE',
    visibility: 'public',
  },
  batteryFr: {
    title: 'Batteries recyclées pour vélos électriques',
    summary: 'Reconditionnement de batteries lithium usagées en packs pour vélos.',
    description: 'Chaque cellule est testée puis réassemblée.',
    keywords: ['batterie', 'recyclage'],
    maturity: 'industrial_prototype',
    trl: 6,
    sectors: ['mobility'],
    ip: 'know_how',
    partnerships: ['co_development'],
    country: 'FR',
    visibility: 'public',
  },
  hydrogen: {
    title: 'Hydrogen fuel cell for delivery vans',
    summary: 'A compact fuel cell range extender for urban delivery vans.',
    description: 'Refuels in five minutes.',
    keywords: ['hydrogen', 'fuel cell'],
    maturity: 'lab_prototype',
    trl: 4,
    sectors: ['mobility', 'energy'],
    ip: 'patent_pending',
    partnerships: ['co_development', 'investment'],
    country: 'NL',
    visibility: 'public',
  },
  packaging: {
    title: 'Emballage compostable à base d’algues',
    summary: 'Films d’emballage alimentaire fabriqués à partir d’algues marines.',
    description: 'Se composte en huit semaines.',
    keywords: ['emballage', 'compostable', 'algues'],
    maturity: 'series_production',
    trl: 9,
    sectors: ['packaging', 'food'],
    ip: 'patented',
    partnerships: ['distribution', 'licensing'],
    country: 'FR',
    visibility: 'public',
  },
  solar: {
    title: 'Capteur d’énergie solaire souple',
    summary: 'Cellules photovoltaïques organiques imprimées sur film.',
    description: 'Pour les toits légers.',
    keywords: ['photovoltaïque', 'solaire'],
    maturity: 'pilot_series',
    trl: 8,
    sectors: ['energy'],
    ip: 'patented',
    partnerships: ['manufacturing'],
    country: 'FR',
    visibility: 'partners',
  },
  membrane: {
    title: 'Water purification membrane',
    summary: 'A graphene membrane that filters microplastics out of tap water.',
    description: 'Confidential pilot with a utility.',
    keywords: ['membrane', 'water'],
    maturity: 'industrial_prototype',
    trl: 6,
    sectors: ['water'],
    ip: 'patented',
    partnerships: ['licensing'],
    country: 'JP',
    visibility: 'team',
  },
  shelf: {
    title: 'Smart shelf sensors for retail',
    summary: 'Weight sensors that tell when a shelf runs empty.',
    description: 'Battery powered, five years.',
    keywords: ['sensor', 'shelf'],
    maturity: 'series_production',
    trl: 9,
    sectors: ['retail', 'digital'],
    ip: 'open',
    partnerships: ['distribution'],
    country: 'GB',
    visibility: 'public',
  },
} as const;
type Name = keyof typeof CATALOGUE;

async function publish(api: Api, offer: Record<string, unknown>): Promise<string> {
  const created = await api.post('/api/offers', offer);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const published = await api.post(`/api/offers/${created.json.id}/publish`);
  expect(published.status, JSON.stringify(published.json)).toBe(200);
  return created.json.id;
}

const search = async (api: Api, query: string) => {
  const res = await api.get(`/api/offers/search?${query}`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as {
    items: { id: string; title: string }[];
    total: number;
    facets: Record<string, Record<string, number>>;
    cursor: string | null;
  };
};

describe('technology offers through the API', () => {
  let portal: Awaited<ReturnType<typeof portalWithRoles>>;
  let team: Api, partner: Api, otherPartner: Api, member: Api, visitor: Api;
  const ids = {} as Record<Name, string>;
  let partnerId: string;
  let otherPartnerId: string;

  beforeAll(async () => {
    portal = await portalWithRoles();
    team = await portal.as('team');
    member = await portal.as('member');
    visitor = client(hostOf(portal.tenant));
    const org = await team.post('/api/partners', {
      name: 'Volta Labs',
      country: 'de',
      website: 'https://volta.example',
      description: 'Batteries.',
    });
    expect(org.status, JSON.stringify(org.json)).toBe(201);
    partnerId = org.json.id;
    const other = await team.post('/api/partners', { name: 'Algae Works', country: 'FR' });
    otherPartnerId = other.json.id;
    const sys: Ctx = { tenant: portal.tenant, actor: system };
    await addToPartnerAsSystem(sys, partnerId, { id: portal.members.partner.id, displayName: 'partner' });
    const second = await createMember(sys, {
      email: 'second-partner@example.test',
      displayName: 'Second',
      lang: 'en',
      role: 'partner',
      password: PASSWORD,
    });
    await addToPartnerAsSystem(sys, otherPartnerId, second);
    partner = await portal.as('partner');
    otherPartner = client(hostOf(portal.tenant));
    expect(
      (await otherPartner.post('/api/auth/signin', { email: 'second-partner@example.test', password: PASSWORD }))
        .status,
    ).toBe(200);
    for (const [name, offer] of Object.entries(CATALOGUE)) ids[name as Name] = await publish(partner, offer);
  });

  it('ranks by words in French and English, with accents folded, stems and a typo', async () => {
    const both = await search(member, `q=${encodeURIComponent('batteries recyclées')}`);
    expect(new Set(both.items.slice(0, 2).map((h) => h.id))).toEqual(new Set([ids.batteryEn, ids.batteryFr]));
    expect((await search(member, 'q=recycled+battery')).items.slice(0, 2).map((h) => h.id)).toContain(ids.batteryEn);
    expect((await search(member, 'q=hydrogne')).items[0]?.id).toBe(ids.hydrogen); // a letter missing
    expect((await search(member, 'q=compostable')).items[0]?.id).toBe(ids.packaging);
    expect((await search(partner, 'q=energie+solaire')).items[0]?.id).toBe(ids.solar); // "énergie" without its accent
  });

  it('counts each facet value as many offers as filtering by it returns, for each viewer', async () => {
    for (const api of [member, partner, team]) {
      const all = await search(api, 'sort=newest&limit=50');
      for (const facet of ['maturity', 'sector', 'country', 'ip', 'partnership'] as const) {
        for (const [value, count] of Object.entries(all.facets[facet]!)) {
          if (!count) continue;
          const filtered = await search(api, `${facet}=${value}&limit=50`);
          expect(filtered.total, `${facet}=${value}`).toBe(count);
          expect(filtered.items).toHaveLength(count);
        }
      }
      const trl = await search(api, 'trlMin=6&trlMax=8&limit=50');
      expect(trl.total).toBe(['6', '7', '8'].reduce((sum, t) => sum + all.facets.trl![t]!, 0));
    }
  });

  it('never shows an offer above the viewer’s level: hits, facets, reads, matches', async () => {
    const everything = 'sort=newest&limit=50';
    const seen = async (api: Api) => new Set((await search(api, everything)).items.map((h) => h.id));
    const publicIds = Object.entries(CATALOGUE)
      .filter(([, o]) => o.visibility === 'public')
      .map(([n]) => ids[n as Name]);
    expect(await seen(visitor)).toEqual(new Set(publicIds));
    expect(await seen(member)).toEqual(new Set(publicIds));
    expect(await seen(partner)).toEqual(new Set([...publicIds, ids.solar]));
    expect(await seen(team)).toEqual(new Set(Object.values(ids)));
    // The team-only offer's unique country and sector never appear to a member, not even as a zero.
    const facets = (await search(member, everything)).facets;
    expect(Object.keys(facets.country!)).not.toContain('JP');
    expect(Object.keys(facets.sector!)).not.toContain('water');
    expect((await search(member, 'q=membrane')).total).toBe(0);
    expect((await search(member, 'country=JP')).total).toBe(0);
    expect((await search(otherPartner, 'q=graphene+membrane')).total).toBe(0);
    expect((await member.get(`/api/offers/${ids.membrane}`)).status).toBe(404);
    expect((await member.get(`/api/offers/${ids.solar}`)).status).toBe(404);
    expect((await otherPartner.get(`/api/offers/${ids.solar}`)).status).toBe(200);
    expect((await otherPartner.get(`/api/offers/${ids.membrane}`)).status).toBe(404);
    expect((await team.get(`/api/offers/${ids.membrane}`)).status).toBe(200);
    const request = await team.post('/api/requests', { title: 'Water filters', need: 'A membrane for water' });
    expect((await member.get(`/api/requests/${request.json.id}/matches`)).status).toBe(403);
    expect((await partner.get(`/api/requests/${request.json.id}/matches`)).status).toBe(403);
    expect((await member.get('/api/requests')).status).toBe(403);
  });

  it('lets only the organisation edit its offers, and shows its edits to its next search', async () => {
    expect((await otherPartner.patch(`/api/offers/${ids.shelf}`, { title: 'Taken over' })).status).toBe(403);
    expect((await otherPartner.call('DELETE', `/api/offers/${ids.shelf}`)).status).toBe(403);
    expect((await otherPartner.patch(`/api/offers/${ids.membrane}`, { title: 'Taken over' })).status).toBe(404);
    expect((await team.patch(`/api/offers/${ids.shelf}`, { title: 'Taken over' })).status).toBe(403);
    expect((await otherPartner.patch(`/api/partners/${partnerId}`, { name: 'Taken over' })).status).toBe(403);
    expect(
      (await partner.patch(`/api/partners/${partnerId}`, { description: 'Second-life batteries.' })).json.name,
    ).toBe('Volta Labs');

    const edited = await partner.patch(`/api/offers/${ids.shelf}`, { title: 'Smart shelf weighing sensors' });
    expect(edited.status).toBe(200);
    expect((await search(member, 'q=weighing')).items.map((h) => h.id)).toEqual([ids.shelf]);
    // A published offer stays complete: a TRL outside its maturity's range is refused, and nothing changes.
    const bad = await partner.patch(`/api/offers/${ids.shelf}`, { trl: 3 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.trl).toMatch(/TRL 8 to 9/);
    expect((await partner.get(`/api/offers/${ids.shelf}`)).json.trl).toBe(9);
  });

  it('keeps drafts out of the search and refuses to publish an incomplete offer', async () => {
    const draft = await partner.post('/api/offers', { title: 'Ceramic heat exchanger' });
    expect(draft.status).toBe(201);
    expect(draft.json.state).toBe('draft');
    expect((await search(team, 'q=ceramic')).total).toBe(0);
    expect((await member.get(`/api/offers/${draft.json.id}`)).status).toBe(404);
    expect((await team.get(`/api/offers/${draft.json.id}`)).status).toBe(404);
    const refused = await partner.post(`/api/offers/${draft.json.id}/publish`);
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.json.error.fields)).toEqual(
      expect.arrayContaining(['summary', 'maturity', 'sectors', 'partnerships', 'country']),
    );
    expect(refused.json.error.fields).toMatchObject({ trl: 'Choose a TRL from 1 to 9.', country: 'Choose a country.' });
    // A draft's field can be set, then cleared again.
    expect(
      (await partner.patch(`/api/offers/${draft.json.id}`, { maturity: 'concept', country: 'fr' })).json,
    ).toMatchObject({ maturity: 'concept', country: 'FR' });
    const cleared = await partner.patch(`/api/offers/${draft.json.id}`, { maturity: null });
    expect(cleared.json.maturity).toBeUndefined();
    expect((await partner.get(`/api/offers/${draft.json.id}`)).json).toMatchObject({
      country: 'FR',
      title: 'Ceramic heat exchanger',
    });
    expect((await partner.get(`/api/offers/${draft.json.id}`)).json.maturity).toBeUndefined();
    expect(
      (await partner.post('/api/offers', { title: 'Unknown sector', sectors: ['astrology'] })).json.error.fields
        .sectors,
    ).toMatch(/astrology/);
    // A choice outside the lists is named in words, not in zod's own terms.
    const offList = await partner.post('/api/offers', {
      title: 'Odd choices',
      maturity: 'bogus',
      visibility: 'everyone',
      partnerships: ['marriage'],
    });
    expect(offList.status).toBe(400);
    expect(offList.json.error.fields).toMatchObject({
      maturity: 'Choose a maturity.',
      visibility: 'Choose who may see the offer.',
      'partnerships.0': 'Choose partnership types from the list.',
    });
    expect((await partner.get('/api/offers?mine=1')).json.items.map((o: { id: string }) => o.id)).toContain(
      draft.json.id,
    );
  });

  it('takes a withdrawn offer out of the search at once, and can publish it again', async () => {
    const id = await publish(partner, { ...CATALOGUE.hydrogen, title: 'Ammonia cracker for ships' });
    expect((await search(member, 'q=ammonia')).total).toBe(1);
    expect((await partner.call('DELETE', `/api/offers/${id}`)).json.state).toBe('withdrawn');
    expect((await search(member, 'q=ammonia')).total).toBe(0);
    expect((await member.get(`/api/offers/${id}`)).status).toBe(404);
    expect((await partner.post(`/api/offers/${id}/publish`)).json.state).toBe('published');
    expect((await search(member, 'q=ammonia')).total).toBe(1);
  });

  it('pages with a cursor bound to its query', async () => {
    const first = await search(member, 'sort=newest&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await search(member, `sort=newest&limit=2&cursor=${first.cursor}`);
    expect(second.items.map((h) => h.id)).not.toContain(first.items[0]!.id);
    expect((await member.get(`/api/offers/search?q=battery&limit=2&cursor=${first.cursor}`)).status).toBe(400);
    expect((await member.get('/api/offers/search?maturity=ripe')).status).toBe(400);
    expect((await member.get('/api/offers/search?trlMin=8&trlMax=2')).status).toBe(400);
  });

  it('loads the index from its S3 snapshot after the stream saved it', async () => {
    // A read can be cut short while the stream rewrites the object (the local emulator): try again.
    const read = () => getObjectText(keys.offerSnapshot(portal.tenant.id)).catch(() => undefined);
    // Settled: it holds the last offer published and the stream has stopped rewriting it.
    const snapshot = await eventually(async () => {
      const text = await read();
      if (!text || !text.includes(ids.membrane)) return undefined;
      await new Promise((r) => setTimeout(r, 400));
      return (await read()) === text ? text : undefined;
    });
    expect(JSON.parse(snapshot).index.version).toBe(2);
    const before = await search(team, 'q=battery');
    dropOfferIndexes();
    const warn = vi.spyOn(console, 'warn');
    expect(await search(team, 'q=battery')).toEqual(before);
    expect(warn).not.toHaveBeenCalled(); // loaded from the snapshot, not rebuilt from the table
    warn.mockRestore();
  });

  it('alerts a saved search of a new matching offer it may see, and only that', async () => {
    const saved = await member.post('/api/saved-searches', {
      name: 'Hydrogen',
      query: { q: 'hydrogen', sector: ['mobility'] },
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(201);
    expect((await member.post('/api/saved-searches', { name: 'x', query: { maturity: ['ripe'] } })).status).toBe(400);
    await publish(partner, { ...CATALOGUE.hydrogen, title: 'Hydrogen tank for buses (team only)', visibility: 'team' });
    const open = await publish(partner, { ...CATALOGUE.hydrogen, title: 'Hydrogen refuelling kiosk' });
    const alert = await eventually(async () => {
      const { items } = (await member.get('/api/notifications')).json;
      return items.find((n: { kind: string }) => n.kind === 'offer_match');
    });
    expect(alert).toMatchObject({ offerId: open, searchName: 'Hydrogen', offerTitle: 'Hydrogen refuelling kiosk' });
    expect((await lastMessageTo('member@example.test', hostOf(portal.tenant))).link).toContain(`/offers/${open}`);
    await new Promise((r) => setTimeout(r, 800)); // the stream has passed both offers by now
    const alerts = (await member.get('/api/notifications')).json.items.filter(
      (n: { kind: string }) => n.kind === 'offer_match',
    );
    expect(alerts).toHaveLength(1);
    expect((await member.get('/api/saved-searches')).json.items.map((s: { name: string }) => s.name)).toEqual([
      'Hydrogen',
    ]);
  });

  it('opens a private thread on interest; both sides talk, and no one else reads it', async () => {
    // A first message that is refused opens nothing.
    expect((await team.post(`/api/offers/${ids.hydrogen}/interest`, { body: 'x'.repeat(4001) })).status).toBe(400);
    expect((await team.get(`/api/threads/${ids.hydrogen}`)).status).toBe(404);
    const opened = await team.post(`/api/offers/${ids.batteryEn}/interest`, { body: 'Could we test ten packs?' });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    const threadId = opened.json.id;
    expect((await team.post(`/api/offers/${ids.batteryEn}/interest`, {})).json.id).toBe(threadId); // one thread per offer
    await eventually(async () =>
      (await partner.get('/api/notifications')).json.items.find((n: { kind: string }) => n.kind === 'thread_message'),
    );
    expect((await partner.get('/api/threads')).json.items.map((t: { id: string }) => t.id)).toContain(threadId);
    expect((await partner.post(`/api/threads/${threadId}/messages`, { body: 'Yes, next month.' })).status).toBe(201);
    expect((await partner.patch(`/api/threads/${threadId}`, { state: 'under_nda' })).json.state).toBe('under_nda');
    expect((await team.patch(`/api/threads/${threadId}`, { state: 'sold' })).status).toBe(400);
    const messages = (await team.get(`/api/threads/${threadId}/messages`)).json.items;
    expect(messages.map((m: { kind: string; body?: string; state?: string }) => m.body ?? m.state)).toEqual([
      'Could we test ten packs?',
      'Yes, next month.',
      'under_nda',
    ]);
    await eventually(async () =>
      (await team.get('/api/notifications')).json.items.find((n: { kind: string }) => n.kind === 'thread_message'),
    );
    for (const outsider of [member, otherPartner, visitor]) {
      expect([401, 404]).toContain((await outsider.get(`/api/threads/${threadId}`)).status);
      expect([401, 403, 404]).toContain(
        (await outsider.post(`/api/threads/${threadId}/messages`, { body: 'hi' })).status,
      );
      expect([401, 403, 404]).toContain((await outsider.patch(`/api/threads/${threadId}`, { state: 'closed' })).status);
    }
    expect((await otherPartner.get('/api/threads')).json.items).toEqual([]);
    expect((await member.get('/api/threads')).status).toBe(403);
    expect((await member.post(`/api/offers/${ids.batteryEn}/interest`, {})).status).toBe(403);
  });

  it('ranks offers for a technology request and says why', async () => {
    const request = await team.post('/api/requests', {
      title: 'Second-life batteries for our stores',
      need: 'Stationary storage from recycled battery packs for shop night-time cooling.',
      maturities: ['pilot_series', 'series_production'],
      trlMin: 6,
      trlMax: 9,
      sectors: ['energy'],
      partnerships: ['licensing'],
      deadline: '2099-01-31',
    });
    expect(request.status, JSON.stringify(request.json)).toBe(201);
    const answer = await publish(partner, {
      ...CATALOGUE.solar,
      visibility: 'public',
      title: 'Solar canopy for car parks',
      requestId: request.json.id,
    });
    const { items } = (await team.get(`/api/requests/${request.json.id}/matches`)).json;
    expect(items[0].offer.id).toBe(ids.batteryEn);
    expect(items[0].why).toMatchObject({ sectors: ['energy'], maturity: true, trl: true, partnerships: ['licensing'] });
    expect(items[0].why.words).toEqual(expect.arrayContaining(['batteries', 'recycled', 'stationary']));
    expect(items.find((m: { offer: { id: string } }) => m.offer.id === answer).why.answers).toBe(true);
    expect(items.map((m: { score: number }) => m.score)).toEqual(
      [...items.map((m: { score: number }) => m.score)].sort((a, b) => b - a),
    );
    expect((await partner.get('/api/requests')).json.items.map((r: { id: string }) => r.id)).toContain(request.json.id);
    expect(
      (await team.post('/api/requests', { title: 'x', need: 'y', trlMin: 7, trlMax: 3 })).json.error.fields.trlMax,
    ).toBeTruthy();
  });

  it('gives partner invitations the organisation with the role', async () => {
    const invited = await team.post(`/api/partners/${otherPartnerId}/members`, { email: 'newcomer@example.test' });
    expect(invited.status, JSON.stringify(invited.json)).toBe(201);
    const { token } = await lastMessageTo('newcomer@example.test');
    const newcomer = client(hostOf(portal.tenant));
    const accepted = await newcomer.post('/api/invitations/accept', {
      token,
      displayName: 'New Comer',
      password: PASSWORD,
    });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const people = (await team.get(`/api/partners/${otherPartnerId}/members`)).json.items.map(
      (m: { displayName: string }) => m.displayName,
    );
    expect(people).toEqual(expect.arrayContaining(['Second', 'New Comer']));
    expect((await newcomer.post('/api/offers', { title: 'Kelp bioplastic' })).status).toBe(201);
    expect((await member.post(`/api/partners/${otherPartnerId}/members`, { email: 'x@example.test' })).status).toBe(
      403,
    );
  });

  it('keeps every portal’s offers, partners and threads to itself', async () => {
    const elsewhere = await makeTenant();
    const stranger = client(hostOf(elsewhere));
    expect((await stranger.get('/api/offers/search?sort=newest')).json.total).toBe(0);
    expect((await stranger.get(`/api/offers/${ids.batteryEn}`)).status).toBe(404);
    expect((await stranger.get(`/api/partners/${partnerId}`)).status).toBe(404);
    expect((await stranger.get('/api/partners')).json.items).toEqual([]);
  });
});
