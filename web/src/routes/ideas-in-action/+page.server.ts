import { ideasInAction } from '$core/team/index';
import { portalCtx, refusalAsErrorPage } from '$lib/server/core';
import type { PageServerLoad } from './$types';

/** Launched ideas with the team's response: what the community's ideas became. */
export const load: PageServerLoad = async ({ locals, url }) => {
  try {
    const page = await ideasInAction(portalCtx(locals), { cursor: url.searchParams.get('cursor') ?? undefined });
    return { items: page.items, next: page.cursor };
  } catch (e) {
    refusalAsErrorPage(e, locals.lang);
  }
};
