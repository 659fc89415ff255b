import { error, redirect } from '@sveltejs/kit';
import { DomainError, said } from '$core/errors/index';
import { exportCsvLink } from '$core/insights/index';
import { portalCtx } from '$lib/server/core';
import type { RequestHandler } from './$types';

/** The period's ideas, votes and comments as a CSV download from S3 (a short-lived link), for the team (the same core function as the API's). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  const input = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' };
  try {
    const link = await exportCsvLink(ctx, input);
    return new Response(null, { status: 303, headers: { location: link, 'cache-control': 'no-store' } });
  } catch (e) {
    if (e instanceof DomainError && e.status < 500)
      error(e.status, { message: said(e, locals.lang).message, code: e.code });
    throw e;
  }
};
