import { listThreads, viewerOf } from '$core/offer/index';
import { loadOffersSignedIn } from '$lib/server/offers';
import type { PageServerLoad } from './$types';

/** The inbox: every conversation for the team, the organisation's own for a partner. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadOffersSignedIn(locals, url, async (ctx) => ({ threads: await listThreads(ctx), team: viewerOf(ctx) === 'team' }));
