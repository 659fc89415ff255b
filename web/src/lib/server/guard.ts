import { error, redirect } from '@sveltejs/kit';
import type { Ctx } from '$core/context';
import { DomainError } from '$core/errors';
import { translateError } from '$lib/i18n/errors';
import { portalCtx } from './forms';

/**
 * Reads what a members-only page shows: visitors are sent to sign in and come back; the core
 * decides who may see it, and its refusal (403, 404) becomes the error page in the reader's language.
 */
export async function loadSignedIn<T>(
  locals: App.Locals,
  url: URL,
  read: (ctx: Ctx) => Promise<T>,
  translate: (message: string, lang: App.Locals['lang']) => string = translateError,
): Promise<T> {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  try {
    return await read(ctx);
  } catch (e) {
    refusalAsErrorPage(e, locals.lang, translate);
  }
}

/**
 * The core's refusal of a page read as the error page, in the reader's language. A page reads
 * the ids of its address: one the core finds malformed (400) is a page that does not exist.
 */
export function refusalAsErrorPage(
  e: unknown,
  lang: App.Locals['lang'],
  translate: (message: string, lang: App.Locals['lang']) => string = translateError,
): never {
  if (e instanceof DomainError && e.status === 400) error(404, { message: '', code: 'not_found' });
  if (e instanceof DomainError && e.status < 500)
    error(e.status, { message: translate(e.message, lang), code: e.code });
  throw e;
}
