import { ideasInAction } from '$core/team/index';
import { myVotes } from '$core/vote/index';
import { portalCtx, refusalAsErrorPage } from '$lib/server/core';
import { listPath, voteFromList } from '$lib/server/list-vote';
import type { Actions, PageServerLoad } from './$types';

/** Launched ideas with the team's response: what the community's ideas became; the member's own votes on them. */
export const load: PageServerLoad = async ({ locals, url }) => {
  try {
    const ctx = portalCtx(locals);
    const page = await ideasInAction(ctx, { cursor: url.searchParams.get('cursor') ?? undefined });
    const mine = await myVotes(
      ctx,
      page.items.map((idea) => idea.id),
    );
    return { items: page.items, next: page.cursor, mine, list: listPath(url) };
  } catch (e) {
    refusalAsErrorPage(e, locals.lang);
  }
};

/** A vote from the list (lib/server/list-vote.ts). */
export const actions: Actions = { vote: voteFromList };
