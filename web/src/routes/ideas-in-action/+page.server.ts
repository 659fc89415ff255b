import { error } from '@sveltejs/kit';
import { DomainError } from '$core/errors';
import { ideasInAction } from '$core/triage/index';
import { portalCtx } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

/** Launched ideas with the team's response: what the community's ideas became. */
export const load: PageServerLoad = async ({ locals, url }) => {
  try {
    const page = await ideasInAction(portalCtx(locals), { cursor: url.searchParams.get('cursor') ?? undefined });
    return { items: page.items, next: page.cursor };
  } catch (e) {
    if (e instanceof DomainError && e.status < 500) error(e.status, { message: e.message, code: e.code });
    throw e;
  }
};
