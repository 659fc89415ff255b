import { error } from '@sveltejs/kit';
import { getOffer, getRequest, MATURITY_TRL } from '$core/offer/index';
import { offerMessage } from '$lib/i18n/offers-errors';
import { countriesFor } from '$lib/server/countries';
import { saveOfferForm } from '$lib/server/offer-save';
import { loadOffersSignedIn } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** The organisation edits its offer, whatever its state. */
export const load: PageServerLoad = ({ locals, url, params }) =>
  loadOffersSignedIn(locals, url, async (ctx) => {
    const offer = await getOffer(ctx, params.id);
    if (!offer.canEdit)
      error(403, {
        message: offerMessage('Only the organisation that published this offer may change it.', locals.lang),
        code: 'forbidden',
      });
    const request = offer.requestId ? await getRequest(ctx, offer.requestId).catch(() => null) : null;
    return { offer, requestTitle: request?.title, countries: countriesFor(locals.lang), maturityTrl: MATURITY_TRL };
  });

export const actions: Actions = {
  default: ({ locals, request, params }) => saveOfferForm(locals, request, params.id),
};
