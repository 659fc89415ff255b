import { error } from '@sveltejs/kit';
import { exportMe } from '$core/identity/index';
import { portalCtx } from '$lib/server/core';
import type { RequestHandler } from './$types';

/** The member's data as a JSON download. */
export const GET: RequestHandler = async ({ locals }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') error(401, 'Sign in first.');
  const data = await exportMe(ctx);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${data.portal}-my-data.json"`,
      'cache-control': 'no-store',
    },
  });
};
