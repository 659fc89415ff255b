import { visitor } from '$core/context';
import { signOut, SESSION_COOKIE } from '$core/identity/index';
import { portalCtx } from '$lib/server/core';
import { clearSessionCookie } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    const ctx = portalCtx(locals);
    await signOut(ctx, cookies.get(SESSION_COOKIE));
    clearSessionCookie(cookies);
    ctx.actor = visitor; // the page rendered after this action shows a signed-out header
    return { signedOut: true };
  },
};
