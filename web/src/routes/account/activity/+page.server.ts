import { redirect } from '@sveltejs/kit';
import { myActivity } from '$core/identity/index';
import { portalCtx } from '$lib/server/core';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, '/signin?next=/account/activity');
  return { activity: await myActivity(ctx) };
};
