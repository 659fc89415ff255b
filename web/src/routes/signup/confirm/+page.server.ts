import { redirect } from '@sveltejs/kit';
import { confirmSignUp } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields, setSessionCookie } from '$lib/server/forms';
import type { Actions } from './$types';

// The link only opens this page; a button confirms, so mail scanners that prefetch links make no account.
export const actions: Actions = {
  default: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => confirmSignUp(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    setSessionCookie(cookies, url, result.value.token);
    redirect(303, '/account?welcome=1');
  },
};
