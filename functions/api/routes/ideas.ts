import { Hono } from 'hono';
import { addComment, deleteComment, editComment, getIdeaWithComments, listComments } from '../../core/comment/index.js';
import { flag } from '../../core/flag/index.js';
import { setFollow } from '../../core/follow/index.js';
import {
  deleteIdea,
  editIdea,
  listIdeasBySection,
  submitIdea,
  searchIdeas,
  similarIdeas,
} from '../../core/idea/index.js';
import { castVote } from '../../core/vote/index.js';
import type { Env } from '../app.js';
import { jsonBody } from '../body.js';

export const ideas = new Hono<Env>()
  .get('/sections/:sectionId/ideas', async (c) =>
    c.json(await listIdeasBySection(c.var.ctx, { ...c.req.query(), sectionId: c.req.param('sectionId') })),
  )
  .get('/ideas', async (c) => {
    const { section, category, q, ...rest } = c.req.query();
    if (q !== undefined)
      return c.json({
        items: await searchIdeas(c.var.ctx, { q, sectionId: section, limit: rest.limit }),
        cursor: null,
      });
    return c.json(await listIdeasBySection(c.var.ctx, { ...rest, sectionId: section ?? '', categoryId: category }));
  })
  .get('/ideas/similar', async (c) =>
    c.json({ items: await similarIdeas(c.var.ctx, { title: c.req.query('title') ?? '' }) }),
  )
  .post('/ideas', async (c) => c.json(await submitIdea(c.var.ctx, await jsonBody(c)), 201))
  .get('/ideas/:id', async (c) =>
    c.json(await getIdeaWithComments(c.var.ctx, c.req.param('id'), c.req.query('commentsCursor'))),
  )
  .patch('/ideas/:id', async (c) => c.json(await editIdea(c.var.ctx, c.req.param('id'), await jsonBody(c))))
  .delete('/ideas/:id', async (c) => {
    await deleteIdea(c.var.ctx, c.req.param('id'));
    return c.json({ deleted: true });
  })
  .put('/ideas/:id/vote', async (c) =>
    c.json(await castVote(c.var.ctx, { ...(await jsonBody(c)), ideaId: c.req.param('id') })),
  )
  .delete('/ideas/:id/vote', async (c) => c.json(await castVote(c.var.ctx, { ideaId: c.req.param('id'), value: 0 })))
  .get('/ideas/:id/comments', async (c) =>
    c.json(await listComments(c.var.ctx, { ...c.req.query(), ideaId: c.req.param('id') })),
  )
  .post('/ideas/:id/comments', async (c) =>
    c.json(await addComment(c.var.ctx, { ...(await jsonBody(c)), ideaId: c.req.param('id') }), 201),
  )
  .patch('/comments/:id', async (c) => {
    await editComment(c.var.ctx, c.req.param('id'), await jsonBody(c));
    return c.json({ edited: true });
  })
  .delete('/comments/:id', async (c) => {
    await deleteComment(c.var.ctx, c.req.param('id'));
    return c.json({ deleted: true });
  })
  .put('/ideas/:id/follow', async (c) => c.json(await setFollow(c.var.ctx, c.req.param('id'), true)))
  .delete('/ideas/:id/follow', async (c) => c.json(await setFollow(c.var.ctx, c.req.param('id'), false)))
  .post('/flags', async (c) => c.json(await flag(c.var.ctx, await jsonBody(c)), 201));
