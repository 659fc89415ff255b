import { error, redirect } from '@sveltejs/kit';
import { DomainError } from '$core/errors/index';
import { editIdea, getIdea } from '$core/idea/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = portalCtx(locals);
  const idea = await getIdea(ctx, params.id).catch((e) => {
    if (e instanceof DomainError) error(404, 'Not found');
    throw e;
  });
  if (ctx.actor.kind !== 'member' || ctx.actor.memberId !== idea.authorId) redirect(303, `/ideas/${idea.id}`);
  return { idea };
};

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () =>
      editIdea(portalCtx(locals), params.id, {
        title: values.title,
        body: values.body,
        categoryId: values.categoryId || null,
      }),
    );
    if (!result.ok) return result.failure;
    redirect(303, `/ideas/${params.id}`);
  },
};
