import { impactEffort } from '$core/team/index';
import { loadSignedIn } from '$lib/server/core';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => ({ points: await impactEffort(ctx) }));
