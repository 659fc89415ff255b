import { error } from '@sveltejs/kit';
import { getOffer, getRequest, MATURITY_TRL } from '$core/offer/index';
import { render, say } from '$core/errors/index';
import { countriesFor } from '$lib/server/countries';
import { saveOfferForm } from '$lib/server/offer-save';
import { loadSignedIn } from '$lib/server/core';
import type { Actions, PageServerLoad } from './$types';

/** The organisation edits its offer, whatever its state. */
export const load: PageServerLoad = ({ locals, url, params }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const offer = await getOffer(ctx, params.id);
    if (!offer.canEdit)
      error(403, {
        message: render(say('offer.publisherOnly'), locals.lang),
        code: 'forbidden',
      });
    const request = offer.requestId ? await getRequest(ctx, offer.requestId).catch(() => null) : null;
    return { offer, requestTitle: request?.title, countries: countriesFor(locals.lang), maturityTrl: MATURITY_TRL };
  });

export const actions: Actions = {
  default: ({ locals, request, params }) => saveOfferForm(locals, request, params.id),
};
