import { requestSignInLink, signIn, signInSecondStep } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import { afterFirstStep } from '$lib/server/sign-in';
import type { Actions } from './$types';

export const actions: Actions = {
  password: async (event) => {
    const values = await formFields(event.request);
    const result = await attempt(event.locals.lang, values, () => signIn(portalCtx(event.locals), values));
    const next = values.next || event.url.searchParams.get('next');
    return result.ok ? afterFirstStep(event, result.value, next) : result.failure;
  },
  second: async (event) => {
    const values = await formFields(event.request);
    const result = await attempt(event.locals.lang, values, () => signInSecondStep(portalCtx(event.locals), values), {
      form: 'second',
    });
    return result.ok ? afterFirstStep(event, result.value, values.next ?? null) : result.failure;
  },
  link: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => requestSignInLink(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    return { linkSent: true };
  },
};
