import { requestPasswordReset } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => requestPasswordReset(portalCtx(locals), values));
    return result.ok ? { sent: true } : result.failure;
  },
};
