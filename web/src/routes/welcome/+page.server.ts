import { redirect } from '@sveltejs/kit';
import { signInWithHandoff } from '$core/identity/index';
import { DomainError } from '$core/errors/index';
import { portalCtx } from '$lib/server/core';
import { setSessionCookie } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

/**
 * Where the owner of a new portal lands from the platform's form: the single-use, two-minute
 * handoff token signs them in on this host, and they go on to the settings.
 */
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  try {
    const { token } = await signInWithHandoff(portalCtx(locals), { token: url.searchParams.get('token') ?? '' });
    setSessionCookie(cookies, url, token);
  } catch (e) {
    if (e instanceof DomainError && e.status < 500) return { expired: true };
    throw e;
  }
  redirect(303, '/admin?opened=1');
};
