import { listThreads, viewerOf } from '$core/offer/index';
import { loadSignedIn } from '$lib/server/core';
import type { PageServerLoad } from './$types';

/** The inbox: every conversation for the team, the organisation's own for a partner. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => ({ threads: await listThreads(ctx), team: viewerOf(ctx) === 'team' }));
