import { error, redirect } from '@sveltejs/kit';
import { openPortal } from '$core/admin/index';
import { config } from '$core/config';
import { attempt } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The platform's own page: any company opens its portal here. Portal hosts have no such page. */
export const load: PageServerLoad = ({ locals }) => {
  if (locals.site.kind !== 'platform') error(404, 'Not found');
  return { platformDomain: config().PLATFORM_DOMAIN };
};

export const actions: Actions = {
  default: async ({ locals, request, url, getClientAddress }) => {
    if (locals.site.kind !== 'platform') error(404, 'Not found');
    const values = await formFields(request);
    const input = {
      name: values.name,
      slug: values.slug,
      lang: values.lang,
      owner: { displayName: values.displayName, email: values.email, password: values.password },
    };
    const result = await attempt(locals.lang, values, () =>
      openPortal({ address: getClientAddress(), platformUrl: url }, input),
    );
    if (!result.ok) return result.failure;
    // Cookies belong to one host: the new portal signs its owner in from a single-use link, then shows its settings.
    redirect(303, `${result.value.origin}/welcome?token=${encodeURIComponent(result.value.handoff)}`);
  },
};
