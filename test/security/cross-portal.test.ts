import { beforeAll, describe, expect, it } from 'vitest';
import { ideaAttachmentLink, submitIdea } from '../../functions/core/idea/index.js';
import { createNotification, listNotifications } from '../../functions/core/notify/index.js';
import {
  addToPartnerAsSystem,
  createOffer,
  createPartner,
  createRequest,
  expressInterest,
  getOffer,
  getPartner,
  getRequest,
  getThread,
  listPartnerMembers,
  listSavedSearches,
  offerDatasheetLink,
  partnerLogoLink,
  postMessage,
  publishOffer,
  saveSearch,
  threadAttachmentLink,
  updatePartner,
} from '../../functions/core/offer/index.js';
import { system } from '../../functions/core/context.js';
import { getRecord } from '../../functions/core/upload/index.js';
import { OFFER, portalWorld, readyUpload, type PortalWorld } from './world.js';

/** Every text of portal A's resources carries this: no answer on portal B may show it. */
const MARK = 'of portal A';

/**
 * Portal A's offers, threads, requests, partners, uploads, saved searches, notifications and
 * exports, tried by id from portal B by its owner and by a member, signed in on B: nothing is
 * found or changed, no answer shows A's data, and A's resources are as they were.
 * (test/isolation/ covers ideas and identity.)
 */
describe('the offers side and a member’s own things across portals', () => {
  let a: PortalWorld;
  let b: PortalWorld;
  let ids: Awaited<ReturnType<typeof portalA>>;

  /** A's resources, each named with MARK; the files are finished uploads attached where they are shown. */
  async function portalA() {
    const partner = await createPartner(
      { tenant: a.tenant, actor: system },
      { name: `Partner ${MARK}`, country: 'FR', description: `Secret profile ${MARK}.` },
    );
    await addToPartnerAsSystem({ tenant: a.tenant, actor: system }, partner.id, a.accounts.partner);
    const [datasheet, messageFile, logo] = await Promise.all([
      readyUpload(a.as('partner'), 'pdf'),
      readyUpload(a.as('team'), 'pdf'),
      readyUpload(a.as('team'), 'png'),
    ]);
    await updatePartner(a.as('team'), partner.id, { logoId: logo });
    const draft = await createOffer(a.as('partner'), { title: `Draft ${MARK}`, partnerId: partner.id });
    const offer = await createOffer(a.as('partner'), {
      ...OFFER,
      title: `Secret offer ${MARK}`,
      partnerId: partner.id,
      attachmentIds: [datasheet],
    });
    await publishOffer(a.as('partner'), offer.id);
    const thread = await expressInterest(a.as('team'), offer.id, { body: `First message ${MARK}` });
    await postMessage(a.as('team'), thread.id, { body: `Datasheet ${MARK}`, attachmentIds: [messageFile] });
    const request = await createRequest(a.as('team'), { title: `Request ${MARK}`, need: `A need ${MARK}.` });
    const search = await saveSearch(a.as('member'), { name: `Search ${MARK}`, query: { q: 'battery' } });
    const idea = await submitIdea(a.as('member'), {
      sectionId: 'product',
      title: `Secret idea ${MARK}`,
      body: `Only portal A may read this idea ${MARK}.`,
    });
    const notification = await createNotification(a.tenant.id, a.accounts.member.id, {
      kind: 'comment',
      ideaId: idea.id,
      ideaTitle: `Secret idea ${MARK}`,
      actorName: `Someone ${MARK}`,
      createdAt: new Date().toISOString(),
    });
    return {
      partner: partner.id,
      offer: offer.id,
      draft: draft.id,
      thread: thread.id,
      request: request.id,
      search: search.id,
      idea: idea.id,
      notification: notification!.id,
      datasheet,
      messageFile,
      logo,
      pending: await a.newUpload(),
    };
  }

  /** What B's people could change of A's resources, read on A by its own team and member. */
  async function stateOfA() {
    const [offer, draft, thread, request, partner, people, pending, searches, notifications] = await Promise.all([
      getOffer(a.as('team'), ids.offer),
      getOffer(a.as('partner'), ids.draft),
      getThread(a.as('team'), ids.thread),
      getRequest(a.as('team'), ids.request),
      getPartner(a.as('team'), ids.partner),
      listPartnerMembers(a.as('team'), ids.partner),
      getRecord(a.tenant.id, ids.pending),
      listSavedSearches(a.as('member')),
      listNotifications(a.as('member')),
    ]);
    return {
      offer,
      draft: draft.state,
      thread,
      request,
      partner,
      people,
      pending: pending?.status,
      searches,
      notification: notifications.items.find((n) => n.id === ids.notification),
    };
  }

  beforeAll(async () => {
    [a, b] = await Promise.all([portalWorld(), portalWorld()]);
    ids = await portalA();
  });

  it.each(['owner', 'member'] as const)('B’s %s finds nothing of A by id and changes nothing', async (role) => {
    const before = await stateOfA();
    const api = b.browser(b.host, await b.cookie(role));
    const byId: [string, string, unknown?][] = [
      ['GET', `/api/offers/${ids.offer}`],
      ['GET', `/api/offers/${ids.draft}`],
      ['PATCH', `/api/offers/${ids.offer}`, { title: 'Taken over by B' }],
      ['DELETE', `/api/offers/${ids.offer}`],
      ['POST', `/api/offers/${ids.offer}/publish`, {}],
      ['POST', `/api/offers/${ids.draft}/publish`, {}],
      ['POST', `/api/offers/${ids.offer}/interest`, { body: 'B wants to talk' }],
      ['GET', `/api/threads/${ids.thread}`],
      ['GET', `/api/threads/${ids.thread}/messages`],
      ['PATCH', `/api/threads/${ids.thread}`, { state: 'closed' }],
      ['POST', `/api/threads/${ids.thread}/messages`, { body: 'Hello from B' }],
      ['GET', `/api/requests/${ids.request}`],
      ['GET', `/api/requests/${ids.request}/matches`],
      ['GET', `/api/partners/${ids.partner}`],
      ['PATCH', `/api/partners/${ids.partner}`, { name: 'Taken over by B' }],
      ['GET', `/api/partners/${ids.partner}/members`],
      ['POST', `/api/partners/${ids.partner}/members`, { email: 'intruder@example.test' }],
      ['POST', `/api/uploads/${ids.pending}/finalize`, {}],
      ['POST', `/api/uploads/${ids.datasheet}/finalize`, {}],
      ['DELETE', `/api/saved-searches/${ids.search}`],
    ];
    const answered = await Promise.all(byId.map(([method, path, body]) => api.call(method, path, body)));
    for (const [i, res] of answered.entries()) {
      const attempt = `${byId[i]![0]} ${byId[i]![1]}`;
      expect(res.text, attempt).not.toContain(MARK);
      expect([401, 403, 404], `${attempt}: ${res.text}`).toContain(res.status);
    }
    // A's finished files named in what B's people post: not theirs to attach (a field error, or refused outright).
    const attaching = [
      api.post('/api/ideas', {
        sectionId: 'product',
        title: 'Attaching a file of A',
        body: 'With the datasheet of another portal.',
        attachmentIds: [ids.datasheet],
      }),
      api.post(`/api/threads/${b.resources.thread}/messages`, {
        body: 'A file of A',
        attachmentIds: [ids.messageFile],
      }),
      api.post('/api/partners', { name: 'Partner of B', country: 'FR', logoId: ids.logo }),
      api.call('PUT', '/api/admin/portal/images/logo', { uploadId: ids.logo }),
    ];
    for (const [i, res] of (await Promise.all(attaching)).entries()) {
      expect([400, 401, 403, 404], `attaching ${i}: ${res.text}`).toContain(res.status);
      expect(res.text).not.toContain(MARK);
    }
    // Marking A's notification read from B marks none.
    const marked = await api.post('/api/notifications/read', { ids: [ids.notification] });
    expect(marked.json).toEqual({ marked: 0 });

    // The files' links, asked through B with A's ids (the pages' download routes call these).
    const ctx = b.as(role);
    const links = [
      () => offerDatasheetLink(ctx, ids.offer, ids.datasheet),
      () => offerDatasheetLink(ctx, b.resources.offer, ids.datasheet),
      () => threadAttachmentLink(ctx, ids.thread, ids.messageFile),
      () => threadAttachmentLink(ctx, b.resources.thread, ids.messageFile),
      () => partnerLogoLink(ctx, ids.partner),
      () => ideaAttachmentLink(ctx, b.resources.idea, ids.datasheet),
    ];
    for (const link of links) await expect(link()).rejects.toMatchObject({ status: 404 });
    // The same files are there for A's own readers.
    for (const link of [
      () => offerDatasheetLink(a.as('member'), ids.offer, ids.datasheet),
      () => threadAttachmentLink(a.as('team'), ids.thread, ids.messageFile),
      () => partnerLogoLink(a.as('member'), ids.partner),
    ])
      expect(await link()).toContain('X-Amz-Signature=');

    expect(await stateOfA()).toEqual(before);
    expect(before.notification).toMatchObject({ read: false });
    expect(before.pending).toBe('pending');
  });

  /** Lists, searches and exports, with who on A sees A's resources in them (the control that the check can fail). */
  const LISTS: [string, ('owner' | 'member')[]][] = [
    ['/api/offers', ['owner', 'member']],
    ['/api/offers/search?q=secret', ['owner', 'member']],
    ['/api/offers/search?q=battery', ['owner', 'member']],
    ['/api/threads', ['owner']],
    ['/api/requests', ['owner']],
    ['/api/partners', ['owner', 'member']],
    ['/api/saved-searches', ['member']],
    ['/api/notifications', ['member']],
    ['/api/me/export', ['member']],
    ['/api/team/export.csv', ['owner']],
  ];

  it.each(['owner', 'member'] as const)('B’s %s sees only B in every list, search and export', async (role) => {
    const onA = a.browser(a.host, await a.cookie(role));
    const onB = b.browser(b.host, await b.cookie(role));
    for (const [path, seenOnA] of LISTS) {
      const [own, other] = await Promise.all([onA.get(path), onB.get(path)]);
      expect(own.text.includes(MARK), `${path} on A`).toBe(seenOnA.includes(role));
      expect(other.status, `${path} on B`).toBeLessThan(500);
      expect(other.text, `${path} on B`).not.toContain(MARK);
    }
    // The exports are files (the client follows the link to S3) of B's own data.
    expect((await onB.get('/api/me/export')).text).toContain(`${role}@example.test`);

    // A cursor of A's offer search, replayed on B: refused, not followed.
    const page = await onA.get('/api/offers/search?limit=1');
    expect(page.json.cursor).toBeTruthy();
    const replay = await onB.get(`/api/offers/search?limit=1&cursor=${encodeURIComponent(page.json.cursor)}`);
    expect(replay.status).toBe(400);
    expect(replay.json.error.code).toBe('invalid_cursor');
  });
});
