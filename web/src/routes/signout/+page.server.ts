import { visitor } from '$core/context';
import { signOut, sessionCookie } from '$core/identity/index';
import { portalCtx } from '$lib/server/core';
import { clearSessionCookie } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    const ctx = portalCtx(locals);
    await signOut(ctx, cookies.get(sessionCookie(url.origin).name));
    clearSessionCookie(cookies, url);
    ctx.actor = visitor; // the page rendered after this action shows a signed-out header
    return { signedOut: true };
  },
};
