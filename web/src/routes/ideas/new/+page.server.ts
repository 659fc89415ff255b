import { redirect } from '@sveltejs/kit';
import { submitIdea } from '$core/idea/index';
import { attempt, portalCtx } from '$lib/server/core';
import { fieldsOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { sectionId: url.searchParams.get('section') ?? '' };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const data = await request.formData();
    const values = fieldsOf(data);
    const attachmentIds = data.getAll('attachmentIds').map(String).filter(Boolean);
    const result = await attempt(locals.lang, values, () =>
      submitIdea(portalCtx(locals), { ...values, categoryId: values.categoryId || undefined, attachmentIds }),
    );
    if (!result.ok) return result.failure;
    if (result.value.moderation) return { held: true };
    redirect(303, `/ideas/${result.value.id}`);
  },
};
