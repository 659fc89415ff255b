import { error } from '@sveltejs/kit';
import { can } from '$core/authz';
import {
  createPartner,
  invitePartnerMember,
  listPartnerMembers,
  listPartners,
  removePartnerMember,
  viewerOf,
} from '$core/offer/index';
import { render, say } from '$core/errors/index';
import { countriesFor } from '$lib/server/countries';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The team's partner organisations, each with its people. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    if (viewerOf(ctx) !== 'team') error(403, { message: render(say('access.role'), locals.lang), code: 'forbidden' });
    const partners = await listPartners(ctx);
    const people = await Promise.all(partners.map((p) => listPartnerMembers(ctx, p.id)));
    return {
      partners: partners.map((p, i) => ({ ...p, people: people[i]! })),
      countries: countriesFor(locals.lang),
      // Owners and admins take people out of an organisation (the core asks again).
      canRemove: can(ctx.actor, 'members.manage'),
    };
  });

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => createPartner(portalCtx(locals), values), {
      form: 'create',
    });
    return result.ok ? { form: 'create', created: result.value.name } : result.failure;
  },
  invite: async ({ locals, request }) => {
    const values = await formFields(request);
    const form = `invite-${values.partnerId}`;
    const result = await attempt(
      locals.lang,
      values,
      () => invitePartnerMember(portalCtx(locals), values.partnerId ?? '', { email: values.email }),
      { form },
    );
    return result.ok ? { form, invited: String(values.email) } : result.failure;
  },
  remove: async ({ locals, request }) => {
    const values = await formFields(request);
    const form = `remove-${values.partnerId}`;
    const result = await attempt(
      locals.lang,
      values,
      () => removePartnerMember(portalCtx(locals), values.partnerId ?? '', values.memberId ?? ''),
      { form },
    );
    return result.ok ? { form, removed: String(values.name ?? '') } : result.failure;
  },
};
