import { redirect } from '@sveltejs/kit';
import { listNotifications, markRead } from '$core/notify/index';
import { portalCtx } from '$lib/server/core';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, '/signin?next=/notifications');
  const page = await listNotifications(ctx, { cursor: url.searchParams.get('cursor') ?? undefined });
  return { notifications: page.items, next: page.cursor };
};

export const actions: Actions = {
  readAll: async ({ locals }) => {
    await markRead(portalCtx(locals), {});
    return { read: true };
  },
};
