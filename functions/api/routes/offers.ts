import { Hono } from 'hono';
import {
  createOffer,
  createPartner,
  createRequest,
  deleteSavedSearch,
  expressInterest,
  getOffer,
  getPartner,
  getRequest,
  getThread,
  invitePartnerMember,
  listMyOffers,
  listPartnerMembers,
  listPartners,
  listRequests,
  removePartnerMember,
  listSavedSearches,
  listThreads,
  postMessage,
  publishOffer,
  requestMatches,
  saveSearch,
  searchOffers,
  setThreadState,
  updateOffer,
  updatePartner,
  withdrawOffer,
} from '../../core/offer/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** Query parameters as given: a repeated one (`sector=a&sector=b`) stays a list. */
const params = (queries: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));

/** Technology offers: the core decides who may do what and what each caller sees. */
export const offers = new Hono<Env>()
  .get('/partners', async (c) => c.json({ items: await listPartners(c.var.ctx) }))
  .post('/partners', async (c) => c.json(await createPartner(c.var.ctx, await jsonBody(c)), 201))
  .get('/partners/:id', async (c) => c.json(await getPartner(c.var.ctx, c.req.param('id'))))
  .patch('/partners/:id', async (c) => c.json(await updatePartner(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .get('/partners/:id/members', async (c) => c.json({ items: await listPartnerMembers(c.var.ctx, c.req.param('id')) }))
  .post('/partners/:id/members', async (c) =>
    c.json(await invitePartnerMember(c.var.ctx, c.req.param('id'), await jsonBody(c)), 201),
  )
  .delete('/partners/:id/members/:memberId', async (c) =>
    c.json(await removePartnerMember(c.var.ctx, c.req.param('id'), c.req.param('memberId'))),
  )
  .get('/offers/search', async (c) => c.json(await searchOffers(c.var.ctx, params(c.req.queries()))))
  .get('/offers', async (c) =>
    c.req.query('mine')
      ? c.json({ items: await listMyOffers(c.var.ctx) })
      : c.json(await searchOffers(c.var.ctx, { ...params(c.req.queries()), sort: 'newest', q: undefined })),
  )
  .post('/offers', async (c) => c.json(await createOffer(c.var.ctx, await jsonBody(c)), 201))
  .get('/offers/:id', async (c) => c.json(await getOffer(c.var.ctx, c.req.param('id'))))
  .patch('/offers/:id', async (c) => c.json(await updateOffer(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .delete('/offers/:id', async (c) => c.json(await withdrawOffer(c.var.ctx, c.req.param('id'))))
  .post('/offers/:id/publish', async (c) => c.json(await publishOffer(c.var.ctx, c.req.param('id'))))
  .post('/offers/:id/interest', async (c) =>
    c.json(await expressInterest(c.var.ctx, c.req.param('id'), await jsonBody(c)), 201),
  )
  .get('/requests', async (c) => c.json({ items: await listRequests(c.var.ctx) }))
  .post('/requests', async (c) => c.json(await createRequest(c.var.ctx, await jsonBody(c)), 201))
  .get('/requests/:id', async (c) => c.json(await getRequest(c.var.ctx, c.req.param('id'))))
  .get('/requests/:id/matches', async (c) => c.json(await requestMatches(c.var.ctx, c.req.param('id'))))
  .get('/saved-searches', async (c) => c.json({ items: await listSavedSearches(c.var.ctx) }))
  .post('/saved-searches', async (c) => c.json(await saveSearch(c.var.ctx, await jsonBody(c)), 201))
  .delete('/saved-searches/:id', async (c) => {
    await deleteSavedSearch(c.var.ctx, c.req.param('id'));
    return c.body(null, 204);
  })
  .get('/threads', async (c) => c.json({ items: await listThreads(c.var.ctx) }))
  .get('/threads/:id', async (c) => c.json(await getThread(c.var.ctx, c.req.param('id'))))
  .patch('/threads/:id', async (c) => c.json(await setThreadState(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .get('/threads/:id/messages', async (c) =>
    c.json({ items: (await getThread(c.var.ctx, c.req.param('id'))).messages }),
  )
  .post('/threads/:id/messages', async (c) =>
    c.json(await postMessage(c.var.ctx, c.req.param('id'), await jsonBody(c)), 201),
  );
