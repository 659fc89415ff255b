import { Hono } from 'hono';
import {
  acceptNda,
  askAdjustment,
  challengeFunnel,
  closeChallenge,
  commentOnEntry,
  createChallenge,
  decideChallenge,
  exportEntriesLink,
  exportRewardsLink,
  favourEntry,
  followChallenge,
  getChallenge,
  getEntry,
  listChallenges,
  listEntries,
  listEntryComments,
  listRewards,
  markRewardPaid,
  reviseEntry,
  scheduleChallenge,
  scoreEntry,
  shortlistEntry,
  submitEntry,
  updateChallenge,
  withdrawEntry,
} from '../../core/challenge/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** Challenges: thin routes over core/challenge, which decides who may do and see what. */
export const challenges = new Hono<Env>()
  .get('/challenges', async (c) => c.json(await listChallenges(c.var.ctx, c.req.query())))
  .post('/challenges', async (c) => c.json(await createChallenge(c.var.ctx, await jsonBody(c)), 201))
  .get('/challenges/:id', async (c) => c.json(await getChallenge(c.var.ctx, c.req.param('id'))))
  .patch('/challenges/:id', async (c) => c.json(await updateChallenge(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .post('/challenges/:id/schedule', async (c) => c.json(await scheduleChallenge(c.var.ctx, c.req.param('id'))))
  .put('/challenges/:id/follow', async (c) => c.json(await followChallenge(c.var.ctx, c.req.param('id'), true)))
  .delete('/challenges/:id/follow', async (c) => c.json(await followChallenge(c.var.ctx, c.req.param('id'), false)))
  .post('/challenges/:id/nda', async (c) => c.json(await acceptNda(c.var.ctx, c.req.param('id'))))
  .get('/challenges/:id/funnel', async (c) => c.json(await challengeFunnel(c.var.ctx, c.req.param('id'))))
  .get('/challenges/:id/export.csv', async (c) =>
    c.redirect(await exportEntriesLink(c.var.ctx, c.req.param('id')), 303),
  )
  .get('/challenges/:id/rewards.csv', async (c) =>
    c.redirect(await exportRewardsLink(c.var.ctx, c.req.param('id')), 303),
  )
  .post('/challenges/:id/close', async (c) => c.json(await closeChallenge(c.var.ctx, c.req.param('id'))))
  .post('/challenges/:id/decision', async (c) =>
    c.json(await decideChallenge(c.var.ctx, c.req.param('id'), await jsonBody(c))),
  )
  .get('/challenges/:id/rewards', async (c) => c.json({ items: await listRewards(c.var.ctx, c.req.param('id')) }))
  .post('/challenges/:id/rewards/:rank/paid', async (c) =>
    c.json(await markRewardPaid(c.var.ctx, c.req.param('id'), Number(c.req.param('rank')))),
  )
  .get('/challenges/:id/entries', async (c) => c.json(await listEntries(c.var.ctx, c.req.param('id'), c.req.query())))
  .post('/challenges/:id/entries', async (c) =>
    c.json(await submitEntry(c.var.ctx, c.req.param('id'), await jsonBody(c)), 201),
  )
  .get('/challenges/:id/entries/:entryId', async (c) =>
    c.json(await getEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'))),
  )
  .post('/challenges/:id/entries/:entryId/versions', async (c) =>
    c.json(await reviseEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'), await jsonBody(c)), 201),
  )
  .delete('/challenges/:id/entries/:entryId', async (c) => {
    await withdrawEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'));
    return c.json({ withdrawn: true });
  })
  .get('/challenges/:id/entries/:entryId/comments', async (c) =>
    c.json(await listEntryComments(c.var.ctx, c.req.param('id'), c.req.param('entryId'))),
  )
  .post('/challenges/:id/entries/:entryId/comments', async (c) =>
    c.json(await commentOnEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'), await jsonBody(c)), 201),
  )
  .put('/challenges/:id/entries/:entryId/favourite', async (c) =>
    c.json(await favourEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'), { on: true })),
  )
  .delete('/challenges/:id/entries/:entryId/favourite', async (c) =>
    c.json(await favourEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'), { on: false })),
  )
  .put('/challenges/:id/entries/:entryId/score', async (c) =>
    c.json(await scoreEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'), await jsonBody(c))),
  )
  .put('/challenges/:id/entries/:entryId/shortlist', async (c) =>
    c.json(await shortlistEntry(c.var.ctx, c.req.param('id'), c.req.param('entryId'), await jsonBody(c))),
  )
  .post('/challenges/:id/entries/:entryId/adjustments', async (c) =>
    c.json(await askAdjustment(c.var.ctx, c.req.param('id'), c.req.param('entryId'), await jsonBody(c)), 201),
  );
