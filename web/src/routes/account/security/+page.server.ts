import { disableTwoStep, enableTwoStep, getMe, startTwoStep } from '$core/identity/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => ({ profile: await getMe(ctx) }));

/** Two-step sign-in: start (the password), enable (a first code; the recovery codes shown once), disable (a code). */
export const actions: Actions = {
  start: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => startTwoStep(portalCtx(locals), values), { form: 'start' });
    return result.ok ? { started: result.value } : result.failure;
  },
  enable: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => enableTwoStep(portalCtx(locals), values), {
      form: 'enable',
    });
    return result.ok ? { recoveryCodes: result.value.recoveryCodes } : result.failure;
  },
  disable: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => disableTwoStep(portalCtx(locals), values), {
      form: 'disable',
    });
    return result.ok ? { disabled: true } : result.failure;
  },
};
