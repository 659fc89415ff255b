import { error, fail, redirect } from '@sveltejs/kit';
import type { Ctx } from '$core/context';
import { DomainError, said } from '$core/errors/index';
import type { Lang } from '$lib/i18n';

/*
 * How pages call the core. Its refusals carry texts, not sentences: a form action gets them
 * back beside its fields, a page read as the error page, both in the reader's language.
 */

/** The portal's request context; pages of a portal are not served on the platform host. */
export function portalCtx(locals: App.Locals): Ctx {
  if (locals.site.kind !== 'tenant') error(404, 'Not found');
  return locals.site.ctx;
}

export interface AttemptOptions {
  /** Names the form, where a page has several. */
  form?: string;
  /** The input a field's error is shown at, when the form names it differently from the core. */
  input?: (field: string) => string;
}

/**
 * Runs a core call for a form action: a DomainError becomes `fail(status)` with its message and
 * field errors in the reader's language, and the values typed (never passwords) to fill the form again.
 */
export async function attempt<T>(
  lang: Lang,
  values: Record<string, string>,
  run: () => Promise<T>,
  { form, input = (field) => field }: AttemptOptions = {},
) {
  try {
    return { ok: true as const, value: await run() };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const told = said(e, lang);
    const fields: Record<string, string> = {};
    for (const [field, message] of Object.entries(told.fields)) fields[input(field)] ??= message;
    const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|current|token/i.test(k)));
    const failure = fail(e.status, { form, code: e.code, message: told.message, fields, values: kept });
    return { ok: false as const, failure };
  }
}

/** Reads what any reader of the portal may see; the core's refusal becomes the error page. */
export async function loadPublic<T>(locals: App.Locals, read: (ctx: Ctx) => Promise<T>): Promise<T> {
  try {
    return await read(portalCtx(locals));
  } catch (e) {
    refusalAsErrorPage(e, locals.lang);
  }
}

/** Reads what a members-only page shows: visitors are sent to sign in and come back. */
export async function loadSignedIn<T>(locals: App.Locals, url: URL, read: (ctx: Ctx) => Promise<T>): Promise<T> {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  return loadPublic(locals, read);
}

/**
 * The core's refusal of a page read as the error page, in the reader's language. A page reads
 * the ids of its address: one the core finds malformed (400) is a page that does not exist.
 */
export function refusalAsErrorPage(e: unknown, lang: Lang): never {
  if (e instanceof DomainError && e.status === 400) error(404, { message: '', code: 'not_found' });
  if (e instanceof DomainError && e.status < 500) error(e.status, { message: said(e, lang).message, code: e.code });
  throw e;
}
