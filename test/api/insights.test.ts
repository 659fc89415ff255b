import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { coreRoutes } from '../../functions/api/routes/index.js';
import { insights } from '../../functions/api/routes/insights.js';
import { addComment } from '../../functions/core/comment/index.js';
import type { Ctx } from '../../functions/core/context.js';
import { db, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import { deleteIdea, submitIdea } from '../../functions/core/idea/index.js';
import { newId } from '../../functions/core/ids.js';
import {
  aggregateChanges,
  AGGREGATE_LIMITS,
  getDashboard,
  refreshDashboardViews,
} from '../../functions/core/insights/index.js';
import { eventually } from '../support/wait.js';
import { followDownload } from '../support/http.js';
import type { Member } from '../../functions/core/member/index.js';
import type { Change } from '../../functions/core/stream/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { portalWithRoles, ROLES } from '../support/roles.js';
import { asMember, hostOf, makeMembers, makeTenant } from '../support/tenants.js';

/** The stored item, as the stream's new image of it would show it. */
async function stored(key: { pk: string; sk: string }): Promise<Record<string, unknown>> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  if (!Item) throw new Error(`No item ${key.pk} ${key.sk}`);
  return Item;
}

type Image = Record<string, unknown>;
const inserted = (newImage: Image): Change => ({ id: randomUUID(), kind: 'INSERT', newImage });
const modified = (oldImage: Image, newImage: Image): Change => ({
  id: randomUUID(),
  kind: 'MODIFY',
  oldImage,
  newImage,
});

/**
 * The same changes as seen under another tenant id: once the stream poller aggregates the real
 * items too, it cannot add to what a test counts exactly. The replay's portal is the real one
 * under a new id, with copies of the members' accounts so that names resolve.
 */
async function replayPortal(tenant: Tenant, members: Member[]) {
  const id = newId();
  await Promise.all(
    members.map((m) =>
      db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.member(id, m.id), id: m.id, displayName: m.displayName },
        }),
      ),
    ),
  );
  const move = (image?: Image) => image && { ...image, pk: String(image.pk).replace(/^T#[0-9a-z]+#/, `T#${id}#`) };
  return {
    tenant: { ...tenant, id },
    replay: (changes: Change[]) =>
      changes.map((c) => ({ ...c, newImage: move(c.newImage), oldImage: move(c.oldImage) })),
  };
}
const at = (day: string, hour = 12, minute = 0) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);
const teamOf = (tenant: Tenant): Ctx => ({
  tenant,
  actor: { kind: 'member', memberId: 'team00000000000000000', role: 'team' },
});
const day = (tenant: Tenant, d: string) => stored(keys.dayStats(tenant.id, d));

/** The API with the insights routes, whether or not the shared route list has them yet. */
const api = createApp(...coreRoutes.filter((group) => group !== insights), insights);
const request = async (host: string, path: string, cookie = '') =>
  followDownload(await api.request(`http://${host}${path}`, { headers: { host, ...(cookie ? { cookie } : {}) } }));

/** RFC 4180 rows back from CSV text: quoted cells, doubled quotes, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('dashboard aggregates from the stream', () => {
  it('counts ideas, votes, comments and active members per day, once however often an event comes', async () => {
    const tenant = await makeTenant({ votingMode: 'updown', blockedWords: ['casino'] });
    const [ann, bob, cy] = await makeMembers(tenant, 3);
    const t = tenant.id;
    const a = await submitIdea(asMember(tenant, ann!, at('2026-03-02', 9)), {
      sectionId: 'product',
      categoryId: 'drinks',
      title: 'Oat milk in every cafe',
      body: 'Offer oat milk with every coffee.',
    });
    await castVote(asMember(tenant, bob!, at('2026-03-02', 10)), { ideaId: a.id, value: 1 });
    const ca = await addComment(asMember(tenant, cy!, at('2026-03-02', 11)), {
      ideaId: a.id,
      body: 'Yes, and soy milk too',
    });
    const b = await submitIdea(asMember(tenant, bob!, at('2026-03-03', 9)), {
      sectionId: 'experience',
      title: 'Longer opening hours',
      body: 'Open until ten at night, please.',
    });
    await castVote(asMember(tenant, ann!, at('2026-03-03', 10)), { ideaId: b.id, value: -1 });
    const cb = await addComment(asMember(tenant, ann!, at('2026-03-03', 11)), {
      ideaId: b.id,
      body: 'Weekends at least',
    });
    const held = await submitIdea(asMember(tenant, cy!, at('2026-03-03', 12)), {
      sectionId: 'product',
      title: 'Casino night on Fridays',
      body: 'A casino night for the regulars.',
    });
    expect(held.moderation).toBe('pending');

    const heldItem = await stored(keys.idea(t, held.id));
    const { tenant: counted, replay } = await replayPortal(tenant, [ann!, bob!, cy!]);
    const changes = replay([
      inserted(await stored(keys.idea(t, a.id))),
      inserted(await stored(keys.vote(t, a.id, bob!.id))),
      inserted(await stored(keys.comment(t, a.id, ca.createdAt, ca.id))),
      inserted(await stored(keys.idea(t, b.id))),
      inserted(await stored(keys.vote(t, b.id, ann!.id))),
      inserted(await stored(keys.comment(t, b.id, cb.createdAt, cb.id))),
      inserted(heldItem),
    ]);
    await aggregateChanges(changes);
    // Redelivered: the same batch again, then two overlapping halves at the same time.
    await aggregateChanges(changes);
    await Promise.all([aggregateChanges(changes.slice(0, 4)), aggregateChanges(changes.slice(2))]);

    expect(await day(counted, '2026-03-02')).toMatchObject({
      ideas: 1,
      votes: 1,
      comments: 1,
      participants: new Set([ann!.id, bob!.id, cy!.id]),
      votedIdeas: new Set([a.id]),
      [`c_${ann!.id}`]: 1,
      [`c_${bob!.id}`]: 1,
      [`c_${cy!.id}`]: 1,
    });
    // The held idea is not published: it counts nothing yet.
    expect(await day(counted, '2026-03-03')).toMatchObject({
      ideas: 1,
      votes: 1,
      comments: 1,
      participants: new Set([ann!.id, bob!.id]),
      [`c_${ann!.id}`]: 2,
    });

    // The team approves the held idea, hides it, shows it again; answers idea a; bob deletes idea b; ann withdraws her vote.
    const { moderation: _, queueKey: __, queueSort: ___, ...approved } = heldItem;
    const published = {
      ...approved,
      sectionKey: keys.sectionKey(t, 'product'),
      listKey: keys.ideasByStatus(t, 'new'),
      listSort: heldItem.updatedAt,
    };
    const aItem = await stored(keys.idea(t, a.id));
    const bBefore = await stored(keys.idea(t, b.id));
    const vote = await stored(keys.vote(t, b.id, ann!.id));
    await castVote(asMember(tenant, ann!, at('2026-03-04')), { ideaId: b.id, value: 0 });
    await deleteIdea(asMember(tenant, bob!, at('2026-03-04', 13)), b.id);
    const later = replay([
      modified(heldItem, published),
      modified(published, { ...published, moderation: 'hidden' }),
      modified({ ...published, moderation: 'hidden' }, published),
      modified(aItem, { ...aItem, status: 'under_review', listKey: keys.ideasByStatus(t, 'under_review') }),
      modified(bBefore, await stored(keys.idea(t, b.id))),
      { id: randomUUID(), kind: 'REMOVE' as const, oldImage: vote },
    ]);
    await aggregateChanges(later);
    await aggregateChanges(later);

    // Published once, on the day it was posted, however often it was shown again.
    expect(await day(counted, '2026-03-03')).toMatchObject({
      ideas: 2,
      votes: 1,
      participants: new Set([ann!.id, bob!.id, cy!.id]),
      [`c_${cy!.id}`]: 1,
    });
    const totals = await stored(keys.totals(counted.id));
    expect(totals).toMatchObject({
      published: 2,
      s_new: 1,
      s_under_review: 1,
      sec_product: 2,
      sec_experience: 0,
      'cat_product/drinks': 1,
    });

    const dashboard = await getDashboard(teamOf(counted), { from: '2026-03-01', to: '2026-03-08' });
    expect(dashboard.weeks).toEqual([
      { week: '2026-W09', start: '2026-02-23', ideas: 0, votes: 0, comments: 0, activeMembers: 0 },
      { week: '2026-W10', start: '2026-03-02', ideas: 3, votes: 2, comments: 2, activeMembers: 3 },
    ]);
    expect(dashboard.period).toEqual({ ideas: 3, votes: 2, comments: 2, activeMembers: 3 });
    expect(dashboard.funnel.filter((f) => f.count)).toEqual([
      { status: 'new', count: 1 },
      { status: 'under_review', count: 1 },
    ]);
    expect(dashboard.sections).toEqual([
      { sectionId: 'product', count: 2, categories: [{ categoryId: 'drinks', count: 1 }] },
      { sectionId: 'experience', count: 0, categories: [] },
    ]);
    expect(dashboard.contributors[0]).toEqual({ memberId: ann!.id, name: ann!.displayName, activities: 3 });
    expect(dashboard.contributors.map((c) => c.activities)).toEqual([3, 2, 2]);
  });

  it('keeps counting when a day is full, without growing its sets past their bounds', async () => {
    const tenant = await makeTenant();
    const members = await makeMembers(tenant, 4);
    const limits = { ...AGGREGATE_LIMITS, membersPerDay: 2, votedIdeasPerDay: 1, termBytesPerDay: 40 };
    const { tenant: counted, replay } = await replayPortal(tenant, members);
    const ideas = [];
    for (const [i, member] of members.entries()) {
      const idea = await submitIdea(asMember(tenant, member, at('2026-05-04', 9, i)), {
        sectionId: 'product',
        title: `Solar panels number ${'abcd'[i]}`,
        body: 'Solar panels on the roof of every shop.',
      });
      ideas.push(inserted(await stored(keys.idea(tenant.id, idea.id))));
    }
    await aggregateChanges(replay(ideas), limits);
    // Members 0 and 1 found room in the day's set, 2 and 3 did not; then three votes on three ideas.
    const votes = [];
    for (const [voter, idea] of [
      [0, 2],
      [1, 3],
      [3, 1],
    ] as const) {
      const ideaId = String(ideas[idea]!.newImage!.id);
      await castVote(asMember(tenant, members[voter]!, at('2026-05-04', 10, voter)), { ideaId, value: 1 });
      votes.push(inserted(await stored(keys.vote(tenant.id, ideaId, members[voter]!.id))));
    }
    await aggregateChanges(replay(votes), limits);
    const stats = await day(counted, '2026-05-04');
    expect(stats).toMatchObject({
      ideas: 4,
      votes: 3,
      participants: new Set([members[0]!.id, members[1]!.id]),
      votedIdeas: new Set([ideas[2]!.newImage!.id]),
    });
    expect(stats[`c_${members[1]!.id}`]).toBe(2);
    expect(stats[`c_${members[3]!.id}`]).toBeUndefined();
    const words = await stored(keys.dayWords(counted.id, '2026-05-04'));
    expect(words.texts).toBe(4);
    expect(words.termBytes as number).toBeLessThanOrEqual(40);
    // The terms that found room keep counting in every later text.
    expect(words['w_solar']).toBe(4);
  });

  it('finds a planted theme: 40 ideas about oat milk this week, against a month of other talk', async () => {
    const tenant = await makeTenant();
    const members = await makeMembers(tenant, 20);
    const topics = [
      'opening hours',
      'loyalty card',
      'reusable cups',
      'quiet corner',
      'faster service',
      'vegan pastries',
      'table booking',
      'music volume',
      'bike parking',
      'board games',
      'card payment',
      'outdoor seating',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = () => topics[Math.floor(random() * topics.length)]!;
    const planted = [
      'Oat milk please',
      'Serve oat milk',
      'An oat milk option',
      'Why no oat milk?',
      'Add oat milk to the menu',
    ];
    const bodies = [
      'I would love oat milk with my drink.',
      'Many of us need oat milk, not cow milk.',
      'Oat milk tastes great in a latte.',
      'Other shops offer oat milk already.',
    ];
    const posts: { when: Date; title: string; body: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const [x, y] = [pick(), pick()];
      posts.push({
        when: at('2026-03-25', 8 + (i % 10), i),
        title: `Better ${x} and ${y}`,
        body: `We would like ${x} and ${y} in the shop.`,
      });
      posts[i]!.when = new Date(posts[i]!.when.getTime() + Math.floor(i / 2) * 86_400_000); // two a day over 30 days
    }
    for (let i = 0; i < 60; i++) {
      const when = new Date(at('2026-04-24', 8, i).getTime() + (i % 7) * 86_400_000);
      const [x, y] = [pick(), pick()];
      posts.push(
        i < 40
          ? { when, title: planted[i % planted.length]!, body: `${bodies[i % bodies.length]} Also ${x}.` }
          : { when, title: `Better ${x} and ${y}`, body: `We would like ${x} and ${y} in the shop.` },
      );
    }
    const changes: Change[] = [];
    for (let i = 0; i < posts.length; i += 10) {
      await Promise.all(
        posts.slice(i, i + 10).map(async (post, j) => {
          const idea = await submitIdea(asMember(tenant, members[(i + j) % members.length]!, post.when), {
            sectionId: 'product',
            title: post.title,
            body: post.body,
          });
          changes.push(inserted(await stored(keys.idea(tenant.id, idea.id))));
        }),
      );
    }
    const { tenant: counted, replay } = await replayPortal(tenant, []);
    await aggregateChanges(replay(changes));

    const { themes } = await getDashboard(teamOf(counted), { from: '2026-02-01', to: '2026-04-30' });
    expect(themes.recent).toEqual({ from: '2026-04-24', to: '2026-04-30' });
    expect(themes.before).toEqual({ from: '2026-03-25', to: '2026-04-23' });
    expect(themes.items[0]).toMatchObject({ term: 'oat milk', recent: 40, before: 0 });
    const terms = themes.items.map((item) => item.term);
    // Its words are left to the phrase; the month's ordinary topics do not rise.
    expect(terms).not.toContain('oat');
    expect(terms.filter((term) => topics.includes(term))).toEqual([]);
  }, 60_000);

  it('reads only day items: a Query on the day partition, never the ideas', async () => {
    const tenant = await makeTenant();
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.dayStatsPartition(tenant.id) },
      }),
    );
    expect(Items).toEqual([]);
    const empty = await getDashboard(teamOf(tenant), { from: '2025-11-25', to: '2026-11-24' });
    expect(empty.weeks).toHaveLength(53);
    expect(empty.period).toEqual({ ideas: 0, votes: 0, comments: 0, activeMembers: 0 });
    await expect(getDashboard(teamOf(tenant), { from: '2025-01-01', to: '2026-11-24' })).rejects.toMatchObject({
      status: 400,
      fields: { from: 'At most one year at a time.' },
    });
    await expect(getDashboard(teamOf(tenant), { from: '2026-13-01' })).rejects.toMatchObject({ status: 400 });
    await expect(getDashboard(teamOf(tenant), { from: '2026-03-09', to: '2026-03-01' })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('team dashboard and export routes', () => {
  it('refuse visitors (401), members and partners (403), and give another portal’s team nothing of this one', async () => {
    const { tenant, as } = await portalWithRoles();
    const other = await portalWithRoles();
    const host = hostOf(tenant);
    const [author] = await makeMembers(tenant, 1);
    const idea = await submitIdea(asMember(tenant, author!, at('2026-06-01')), {
      sectionId: 'product',
      title: 'Only on portal A',
      body: 'This idea belongs to the first portal.',
    });
    await aggregateChanges([inserted(await stored(keys.idea(tenant.id, idea.id)))]);
    const paths = [
      '/api/team/dashboard?from=2026-06-01&to=2026-06-07',
      '/api/team/export.csv?from=2026-06-01&to=2026-06-07',
    ];
    const cookies = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, (await as(role)).cookie] as const)),
    );
    for (const path of paths) {
      expect((await request(host, path)).status, path).toBe(401);
      for (const role of ['member', 'partner'] as const)
        expect((await request(host, path, cookies[role])).status, `${role} ${path}`).toBe(403);
      for (const role of ['team', 'admin', 'owner'] as const)
        expect((await request(host, path, cookies[role])).status, `${role} ${path}`).toBe(200);
    }
    const theirTeam = (await other.as('team')).cookie;
    // Their session means nothing on this portal's host; on their own, they see their own (empty) figures.
    expect((await request(host, paths[0]!, theirTeam)).status).toBe(401);
    const own = await request(hostOf(other.tenant), paths[0]!, theirTeam);
    expect((await own.json()).period).toEqual({ ideas: 0, votes: 0, comments: 0, activeMembers: 0 });
    const ours = await request(host, paths[0]!, cookies.team);
    expect((await ours.json()).period.ideas).toBeGreaterThanOrEqual(1); // 2 once the stream poller counts it too
    const theirExport = await (await request(hostOf(other.tenant), paths[1]!, theirTeam)).text();
    expect(theirExport).not.toContain('Only on portal A');
    const bad = await request(host, '/api/team/dashboard?from=yesterday', cookies.team);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({ from: 'A date as yyyy-mm-dd.' });
  });

  it('exports the period’s ideas, votes and comments as a clean CSV, formulas neutralised', async () => {
    const { tenant, as } = await portalWithRoles({ votingMode: 'updown' });
    const [ann, bob, cy] = await makeMembers(tenant, 3);
    const t = tenant.id;
    const old = await submitIdea(asMember(tenant, ann!, at('2026-02-20')), {
      sectionId: 'experience',
      title: 'Quiet corner for work',
      body: 'A quiet corner with sockets for laptops.',
    });
    await addComment(asMember(tenant, bob!, at('2026-02-21')), { ideaId: old.id, body: 'Before the period' });
    const hot = await submitIdea(asMember(tenant, bob!, at('2026-03-05', 9)), {
      sectionId: 'product',
      categoryId: 'drinks',
      title: '=HYPERLINK("http://evil.example","click")',
      body: 'Line one, with a comma\nLine "two", quoted',
    });
    const c1 = await addComment(asMember(tenant, cy!, at('2026-03-06', 10)), {
      ideaId: hot.id,
      body: '@SUM(A1:A9) is what I think',
    });
    await castVote(asMember(tenant, cy!, at('2026-03-06', 11)), { ideaId: hot.id, value: 1 });
    const c2 = await addComment(asMember(tenant, ann!, at('2026-03-06', 12)), {
      ideaId: hot.id,
      body: '-2+3 cups, please',
    });
    // A vote on an idea otherwise untouched since February: found through the day aggregates.
    await castVote(asMember(tenant, ann!, at('2026-03-07', 8)), { ideaId: old.id, value: -1 });
    const votes = [await stored(keys.vote(t, hot.id, cy!.id)), await stored(keys.vote(t, old.id, ann!.id))];
    await castVote(asMember(tenant, bob!, at('2026-04-02')), { ideaId: old.id, value: 1 });
    await aggregateChanges([...votes, await stored(keys.vote(t, old.id, bob!.id))].map(inserted));

    const res = await request(
      hostOf(tenant),
      '/api/team/export.csv?from=2026-03-01&to=2026-03-31',
      (await as('team')).cookie,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${tenant.slug}-2026-03-01-2026-03-31.csv`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(
      text
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((line, i, all) => i === all.length - 1 || line.endsWith('\r')),
    ).toBe(true);

    const [header, ...rows] = parseCsv(text);
    const column = (name: string) => header!.indexOf(name);
    const cells = (row: string[]) => Object.fromEntries(header!.map((name, i) => [name, row[i]]));
    expect(rows.map((r) => r[column('type')])).toEqual(['idea', 'comment', 'vote', 'comment', 'vote']);
    const [idea, comment1, vote1, comment2, vote2] = rows.map(cells);
    expect(idea).toMatchObject({
      id: hot.id,
      idea_title: `'=HYPERLINK("http://evil.example","click")`,
      text: 'Line one, with a comma\nLine "two", quoted',
      section: 'Product',
      category: 'Drinks',
      status: 'new',
      member_id: bob!.id,
      member_name: bob!.displayName,
    });
    expect(comment1).toMatchObject({
      id: c1.id,
      idea_id: hot.id,
      text: "'@SUM(A1:A9) is what I think",
      member_name: cy!.displayName,
    });
    expect(vote1).toMatchObject({ idea_id: hot.id, member_id: cy!.id, member_name: cy!.displayName, value: '1' });
    expect(comment2).toMatchObject({ id: c2.id, text: "'-2+3 cups, please" });
    expect(vote2).toMatchObject({
      idea_id: old.id,
      idea_title: 'Quiet corner for work',
      member_name: ann!.displayName,
      value: '-1',
    });
    expect(text).not.toContain('Before the period');
  });
});

describe('the kept view of a busy portal’s dashboard', () => {
  const view = (tenant: Tenant) =>
    db()
      .send(new GetCommand({ TableName: tableName(), Key: keys.dashboardView(tenant.id), ConsistentRead: true }))
      .then((r) => r.Item);

  it('is kept when computing is slow, served while current, computed again when changed, refreshed from the stream', async () => {
    const tenant = await makeTenant();
    const [ann, bob] = await makeMembers(tenant, 2);
    const team = teamOf(tenant);
    // Every portal counts as busy here, so it keeps its view from the first load.
    const slow = { busyAttributes: -1, refreshMs: 60_000, maxAgeMs: 0 };
    const first = await getDashboard(team, {}, slow);
    expect(first.period.ideas).toBe(0);
    expect((await view(tenant))?.computedAt).toBe(first.asOf);
    expect(await getDashboard(team, {}, slow)).toEqual(first); // unchanged: served as kept

    // Activity reaches the aggregates and marks the view changed (the stream poller runs in the tests).
    const idea = await submitIdea(asMember(tenant, ann!), {
      sectionId: 'product',
      title: 'Reusable cups everywhere',
      body: 'Bring your own cup and pay less for it.',
    });
    await eventually(async () => (await view(tenant))?.changedAt);
    // Changed lately: a caller that accepts some delay is served the kept figures, with their time.
    expect(await getDashboard(team, {}, { ...slow, maxAgeMs: 60_000 })).toEqual(first);
    // Otherwise it is computed again, and kept.
    const fresh = await eventually(async () => {
      const d = await getDashboard(team, {}, slow);
      return d.period.ideas === 1 ? d : undefined;
    });
    expect(fresh.asOf > first.asOf).toBe(true);

    // The stream consumer computes a changed view again once it is older than refreshMs.
    await castVote(asMember(tenant, bob!), { ideaId: idea.id, value: 1 });
    await eventually(async () => Number((await day(tenant, new Date().toISOString().slice(0, 10))).votes ?? 0) === 1);
    await refreshDashboardViews([inserted(await stored(keys.vote(tenant.id, idea.id, bob!.id)))], {
      ...slow,
      refreshMs: 0,
    });
    const refreshed = await getDashboard(team, {}, { ...slow, maxAgeMs: 60_000 });
    expect(refreshed.period.votes).toBe(1);
    expect(refreshed.asOf > fresh.asOf).toBe(true);

    // Another period is always computed on demand.
    const today = new Date().toISOString().slice(0, 10);
    expect((await getDashboard(team, { from: today, to: today }, slow)).asOf > refreshed.asOf).toBe(true);
  });

  it('is never kept for a quiet portal, whose dashboard stays exact on every load', async () => {
    const tenant = await makeTenant();
    await getDashboard(teamOf(tenant), {});
    expect(await view(tenant)).toBeUndefined();
  });
});
