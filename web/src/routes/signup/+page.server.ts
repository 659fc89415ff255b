import { redirect } from '@sveltejs/kit';
import { signUp } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields, setSessionCookie } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () =>
      signUp(portalCtx(locals), { ...values, lang: locals.lang }),
    );
    if (!result.ok) return result.failure;
    setSessionCookie(cookies, url, result.value.token);
    redirect(303, '/account?welcome=1');
  },
};
