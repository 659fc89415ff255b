import { redirect } from '@sveltejs/kit';
import { createRequest, listRequests, viewerOf } from '$core/offer/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { fieldsOf } from '$lib/server/forms';
import { checked, optional } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** Technology requests: the team sees them all and posts new ones; partners see the open ones. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => ({
    requests: await listRequests(ctx),
    team: viewerOf(ctx) === 'team',
  }));

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const data = await request.formData();
    const values = {
      ...fieldsOf(data),
      maturities: checked(data, 'maturities').join(','),
      sectors: checked(data, 'sectors').join(','),
      partnerships: checked(data, 'partnerships').join(','),
    };
    const result = await attempt(locals.lang, values, () =>
      createRequest(portalCtx(locals), {
        title: values.title,
        need: values.need,
        maturities: checked(data, 'maturities') as never,
        trlMin: optional(data.get('trlMin')),
        trlMax: optional(data.get('trlMax')),
        sectors: checked(data, 'sectors'),
        partnerships: checked(data, 'partnerships') as never,
        deadline: optional(data.get('deadline')),
      }),
    );
    if (!result.ok) return result.failure;
    redirect(303, `/requests/${result.value.id}`);
  },
};
