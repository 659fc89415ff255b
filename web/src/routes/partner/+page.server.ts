import { getPartner, listMyOffers, listPartnerMembers, partnerIdsOf, updatePartner } from '$core/offer/index';
import { countriesFor } from '$lib/server/countries';
import { loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import { optional, runForm } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** The partner's organisation (the first, when they belong to several): its profile, people and offers in every state. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const [partnerId] = await partnerIdsOf(ctx);
    if (!partnerId) return { partner: null, offers: [], people: [], countries: [] };
    const [partner, offers, people] = await Promise.all([
      getPartner(ctx, partnerId),
      listMyOffers(ctx),
      listPartnerMembers(ctx, partnerId),
    ]);
    return { partner, offers, people, countries: countriesFor(locals.lang) };
  });

export const actions: Actions = {
  profile: async ({ locals, request }) => {
    const values = await formFields(request);
    const ctx = portalCtx(locals);
    return runForm(locals, 'profile', values, async () => {
      const [partnerId] = await partnerIdsOf(ctx);
      return updatePartner(ctx, partnerId ?? '', {
        name: values.name,
        country: values.country,
        website: values.website ?? '',
        description: values.description ?? '',
        logoId: optional(values.logoId ?? null),
      });
    });
  },
};
