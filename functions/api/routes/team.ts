import { Hono } from 'hono';
import {
  addNote,
  blockMember,
  bulkAction,
  changeStatus,
  getScores,
  ideasInAction,
  impactEffort,
  listNotes,
  listQueue,
  mergeIdea,
  moderate,
  readTeamIdea,
  setAssignee,
  setScores,
  setTags,
  statusHistory,
  teamMembers,
} from '../../core/team/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

/** The innovation team's routes (the core refuses everyone else), and the public history and "ideas in action" they feed. */
export const team = new Hono<Env>()
  .get('/team/queues/:queue', async (c) =>
    c.json(await listQueue(c.var.ctx, { ...c.req.query(), queue: c.req.param('queue') as 'new' })),
  )
  .post('/team/moderation/:targetId', async (c) =>
    c.json(await moderate(c.var.ctx, c.req.param('targetId'), await jsonBody(c))),
  )
  .post('/team/members/:id/block', async (c) =>
    c.json(await blockMember(c.var.ctx, c.req.param('id'), await jsonBody(c))),
  )
  .get('/team/team-members', async (c) => c.json({ items: await teamMembers(c.var.ctx) }))
  .get('/team/impact-effort', async (c) => c.json({ items: await impactEffort(c.var.ctx) }))
  .post('/team/bulk', async (c) => c.json(await bulkAction(c.var.ctx, await jsonBody(c))))
  .get('/team/ideas/:id', async (c) => c.json(await readTeamIdea(c.var.ctx, c.req.param('id'))))
  .post('/ideas/:id/status', async (c) => c.json(await changeStatus(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .get('/ideas/:id/status-history', async (c) => c.json({ items: await statusHistory(c.var.ctx, c.req.param('id')) }))
  .post('/ideas/:id/merge', async (c) => c.json(await mergeIdea(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .put('/ideas/:id/tags', async (c) => c.json(await setTags(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .put('/ideas/:id/assignee', async (c) => c.json(await setAssignee(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .get('/ideas/:id/notes', async (c) => c.json({ items: await listNotes(c.var.ctx, c.req.param('id')) }))
  .post('/ideas/:id/notes', async (c) => c.json(await addNote(c.var.ctx, c.req.param('id'), await jsonBody(c)), 201))
  .get('/ideas/:id/scores', async (c) => c.json(await getScores(c.var.ctx, c.req.param('id'))))
  .put('/ideas/:id/scores', async (c) => c.json(await setScores(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .get('/ideas-in-action', async (c) => c.json(await ideasInAction(c.var.ctx, c.req.query())));
