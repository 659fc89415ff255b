import { sameSitePath } from '$core/http/index';
import { redirect } from '@sveltejs/kit';
import { requestSignInLink, signIn } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields, setSessionCookie } from '$lib/server/forms';
import type { Actions } from './$types';

/** Only a path of this portal: never an open redirect. */

export const actions: Actions = {
  password: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => signIn(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    setSessionCookie(cookies, url, result.value.token);
    redirect(303, sameSitePath(url.searchParams.get('next')));
  },
  link: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => requestSignInLink(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    return { linkSent: true };
  },
};
