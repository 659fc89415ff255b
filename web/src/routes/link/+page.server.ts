import { signInWithLink } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import { afterFirstStep } from '$lib/server/sign-in';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const values = await formFields(event.request);
    const result = await attempt(event.locals.lang, values, () => signInWithLink(portalCtx(event.locals), values));
    return result.ok ? afterFirstStep(event, result.value, '/') : result.failure;
  },
};
