import { error, redirect } from '@sveltejs/kit';
import { exportMeLink } from '$core/identity/index';
import { portalCtx } from '$lib/server/core';
import type { RequestHandler } from './$types';

/** The member's data as a JSON download, fetched from S3 by a short-lived link. */
export const GET: RequestHandler = async ({ locals }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') error(401, 'Sign in first.');
  redirect(303, await exportMeLink(ctx));
};
