import { Hono } from 'hono';
import { listComments } from '../../core/comment/index.js';
import { getIdea, listIdeasBySection } from '../../core/idea/index.js';
import type { Env } from '../app.js';

export const ideas = new Hono<Env>()
  .get('/sections/:sectionId/ideas', async (c) =>
    c.json(await listIdeasBySection(c.var.ctx, { ...c.req.query(), sectionId: c.req.param('sectionId') })),
  )
  .get('/ideas/:id', async (c) => {
    const idea = await getIdea(c.var.ctx, c.req.param('id'));
    const comments = await listComments(c.var.ctx, { ideaId: idea.id, cursor: c.req.query('commentsCursor') });
    return c.json({ idea, comments });
  });
