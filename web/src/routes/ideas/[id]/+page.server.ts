import { error } from '@sveltejs/kit';
import { listComments } from '$core/comment/index';
import { DomainError } from '$core/errors';
import { getIdea } from '$core/idea/index';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (locals.site.kind !== 'tenant') error(404, 'Not found');
  const ctx = locals.site.ctx;
  try {
    const idea = await getIdea(ctx, params.id);
    const comments = await listComments(ctx, { ideaId: idea.id, cursor: url.searchParams.get('comments') ?? undefined });
    return { idea, comments: comments.items, moreComments: comments.cursor };
  } catch (e) {
    if (e instanceof DomainError && e.status < 500) error(e.status === 400 ? 404 : e.status, { message: e.message, code: e.code });
    throw e;
  }
};
