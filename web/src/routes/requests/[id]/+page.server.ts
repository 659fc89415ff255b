import { getRequest, requestMatches, viewerOf } from '$core/offer/index';
import { loadSignedIn } from '$lib/server/core';
import type { PageServerLoad } from './$types';

/** A request; the team also sees the offers ranked by how well they match it, with the reasons. */
export const load: PageServerLoad = ({ locals, url, params }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const team = viewerOf(ctx) === 'team';
    const request = await getRequest(ctx, params.id);
    const matches = team ? (await requestMatches(ctx, params.id)).items : null;
    return { request, matches, team };
  });
