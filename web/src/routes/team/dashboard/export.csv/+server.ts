import { error, redirect } from '@sveltejs/kit';
import { DomainError, said } from '$core/errors/index';
import { exportCsv, exportFileName } from '$core/insights/index';
import { portalCtx } from '$lib/server/core';
import type { RequestHandler } from './$types';

/** The period's ideas, votes and comments as a CSV download, for the team (the same core function as the API's). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  const input = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' };
  try {
    return new Response(await exportCsv(ctx, input), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${exportFileName(ctx, input)}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.status < 500)
      error(e.status, { message: said(e, locals.lang).message, code: e.code });
    throw e;
  }
};
