import { redirect } from '@sveltejs/kit';
import { renderMarkdown } from '$core/idea/index';
import {
  expressInterest,
  getOffer,
  getPartner,
  getThread,
  publishOffer,
  viewerOf,
  withdrawOffer,
} from '$core/offer/index';
import { attempt, loadPublic, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import { runForm } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** One offer with its partner's profile; the team learns whether a conversation about it is open. */
export const load: PageServerLoad = ({ locals, params }) =>
  loadPublic(locals, async (ctx) => {
    const offer = await getOffer(ctx, params.id);
    const team = viewerOf(ctx) === 'team';
    const [partner, threadOpen] = await Promise.all([
      getPartner(ctx, offer.partnerId).catch(() => null),
      team
        ? getThread(ctx, offer.id).then(
            () => true,
            () => false,
          )
        : false,
    ]);
    return { offer, descriptionHtml: renderMarkdown(offer.description), partner, team, threadOpen };
  });

export const actions: Actions = {
  interest: async ({ locals, params, request }) => {
    const values = await formFields(request);
    const result = await attempt(
      locals.lang,
      values,
      () => expressInterest(portalCtx(locals), params.id, { body: values.body }),
      { form: 'interest' },
    );
    if (!result.ok) return result.failure;
    redirect(303, `/threads/${result.value.id}`);
  },
  publish: async ({ locals, params }) =>
    runForm(locals, 'publish', {}, () => publishOffer(portalCtx(locals), params.id)),
  withdraw: async ({ locals, params }) =>
    runForm(locals, 'withdraw', {}, () => withdrawOffer(portalCtx(locals), params.id)),
};
