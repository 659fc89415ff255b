import { acceptInvitation } from '$core/roles/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields, setSessionCookie } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => acceptInvitation(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    if (result.value.token) setSessionCookie(cookies, url, result.value.token);
    return { accepted: true };
  },
};
