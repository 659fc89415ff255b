import { visitor } from '$core/context';
import { resetPassword } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { clearSessionCookie, formFields } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => resetPassword(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    clearSessionCookie(cookies, url);
    portalCtx(locals).actor = visitor;
    return { reset: true };
  },
};
