import { signUp } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions } from './$types';

// The account is made from the e-mailed link (signup/confirm); the form only says where it went.
export const actions: Actions = {
  default: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () =>
      signUp(portalCtx(locals), { ...values, lang: locals.lang }),
    );
    return result.ok ? { sent: true, email: values.email ?? '' } : result.failure;
  },
};
