import { redirect, type RequestEvent } from '@sveltejs/kit';
import { IdPattern } from '$core/ids';
import { castVote } from '$core/vote/index';
import { attempt, portalCtx } from './core';
import { formFields } from './forms';

/** A list's own address (path and query: section, sort, filters, search, page), without a form action's name. */
export function listPath(url: URL): string {
  const params = new URLSearchParams([...url.searchParams].filter(([name]) => !name.startsWith('/')));
  return params.size ? `${url.pathname}?${params}` : url.pathname;
}

/**
 * The `vote` action of a page listing ideas (lib/components/ideas/VoteControl.svelte): back to
 * the same list at the same idea; a visitor signs in first and comes back there. A refusal is
 * returned as the failure of the form `vote-<idea>`, shown at that idea's card (the form's
 * address ends in `#idea-<id>`, so the page opens on it).
 */
export async function voteFromList({ locals, request, url }: RequestEvent) {
  const values = await formFields(request);
  const ideaId = typeof values.idea === 'string' && IdPattern.test(values.idea) ? values.idea : '';
  const back = `${listPath(url)}${ideaId ? `#idea-${ideaId}` : ''}`;
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(back)}`);
  const result = await attempt(
    locals.lang,
    values,
    () => castVote(ctx, { ideaId: values.idea, value: Number(values.value) as 1 | -1 | 0 }),
    { form: `vote-${ideaId}` },
  );
  if (!result.ok) return result.failure;
  redirect(303, back);
}
