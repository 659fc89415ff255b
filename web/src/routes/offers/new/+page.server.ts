import { getRequest, MATURITY_TRL } from '$core/offer/index';
import { countriesFor } from '$lib/server/countries';
import { saveOfferForm } from '$lib/server/offer-save';
import { loadSignedIn } from '$lib/server/core';
import type { Actions, PageServerLoad } from './$types';

/** A partner's new offer, perhaps in answer to a request (?request=). */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const requestId = url.searchParams.get('request');
    const request = requestId ? await getRequest(ctx, requestId).catch(() => null) : null;
    return {
      request: request && { id: request.id, title: request.title },
      countries: countriesFor(locals.lang),
      maturityTrl: MATURITY_TRL,
    };
  });

export const actions: Actions = {
  default: ({ locals, request }) => saveOfferForm(locals, request),
};
