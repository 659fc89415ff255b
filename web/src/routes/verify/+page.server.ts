import { resendVerification, verifyEmail } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions } from './$types';

// The link only opens this page; a button confirms, so mail scanners that prefetch links use up nothing.
export const actions: Actions = {
  confirm: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => verifyEmail(portalCtx(locals), values));
    return result.ok ? { verified: true } : result.failure;
  },
  resend: async ({ locals }) => {
    const result = await attempt(locals.lang, {}, () => resendVerification(portalCtx(locals)));
    return result.ok ? { resent: true } : result.failure;
  },
};
