import { error } from '@sveltejs/kit';
import { createPartner, invitePartnerMember, listPartnerMembers, listPartners, viewerOf } from '$core/offer/index';
import { translateError } from '$lib/i18n/errors';
import { countriesFor } from '$lib/server/countries';
import { formFields, portalCtx } from '$lib/server/forms';
import { attemptOffer, loadOffersSignedIn } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** The team's partner organisations, each with its people. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadOffersSignedIn(locals, url, async (ctx) => {
    if (viewerOf(ctx) !== 'team')
      error(403, { message: translateError('Your role does not allow this.', locals.lang), code: 'forbidden' });
    const partners = await listPartners(ctx);
    const people = await Promise.all(partners.map((p) => listPartnerMembers(ctx, p.id)));
    return { partners: partners.map((p, i) => ({ ...p, people: people[i]! })), countries: countriesFor(locals.lang) };
  });

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attemptOffer(locals.lang, values, () => createPartner(portalCtx(locals), values), {
      form: 'create',
    });
    return result.ok ? { form: 'create', created: result.value.name } : result.failure;
  },
  invite: async ({ locals, request }) => {
    const values = await formFields(request);
    const form = `invite-${values.partnerId}`;
    const result = await attemptOffer(
      locals.lang,
      values,
      () => invitePartnerMember(portalCtx(locals), values.partnerId ?? '', { email: values.email }),
      { form },
    );
    return result.ok ? { form, invited: String(values.email) } : result.failure;
  },
};
