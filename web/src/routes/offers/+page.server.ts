import { DomainError, said } from '$core/errors/index';
import { deleteSavedSearch, listSavedSearches, saveSearch, searchOffers } from '$core/offer/index';
import { loadPublic, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import { runForm } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** The search's list filters, as the query string carries them (each repeated or absent). */
const LISTS = ['maturity', 'sector', 'partnership', 'ip', 'country'] as const;

/** The search as the URL asks it; empty lists are left out (an empty list would match nothing). */
function searchOf(params: URLSearchParams) {
  const lists = Object.fromEntries(
    LISTS.map((name) => [name, params.getAll(name).filter(Boolean)]).filter(([, v]) => v.length),
  );
  const text = (name: string) => params.get(name) || undefined;
  return {
    q: text('q'),
    trlMin: text('trlMin'),
    trlMax: text('trlMax'),
    sort: text('sort') as 'relevance' | 'newest' | undefined,
    cursor: text('cursor'),
    ...lists,
  };
}

/** The search to save: words and filters only, each list as given. */
function savedQueryOf(search: string) {
  const params = new URLSearchParams(search);
  const query: Record<string, string | string[]> = {};
  for (const name of ['q', 'trlMin', 'trlMax']) if (params.get(name)) query[name] = params.get(name)!;
  for (const name of LISTS)
    if (params.getAll(name).filter(Boolean).length) query[name] = params.getAll(name).filter(Boolean);
  return query;
}

/** The most precise thing a refusal says: its first field's message, else its own. */
const firstReason = (said: { message: string; fields: Record<string, string> }) =>
  Object.values(said.fields)[0] ?? said.message;

/** Offers as the reader may see them, searched and filtered from the query string; the signed-in reader's saved searches. */
export const load: PageServerLoad = ({ locals, url }) =>
  loadPublic(locals, async (ctx) => {
    const search = searchOf(url.searchParams);
    const [found, saved] = await Promise.all([
      searchOffers(ctx, search).then(
        (page) => ({ page, refused: null }),
        // A hand-made query (TRL from 7 to 3, a stale cursor) shows why, not an error page.
        (e) =>
          e instanceof DomainError && e.status === 400
            ? { page: null, refused: firstReason(said(e, locals.lang)) }
            : Promise.reject(e),
      ),
      ctx.actor.kind === 'member' ? listSavedSearches(ctx) : Promise.resolve(null),
    ]);
    // Refused, the filters still show (those of the words alone), so the reader can mend the query.
    const facets =
      found.page?.facets ??
      (await searchOffers(ctx, { q: search.q }).then(
        (p) => p.facets,
        () => null,
      ));
    return { ...found, facets, saved, search };
  });

export const actions: Actions = {
  save: async ({ locals, request }) => {
    const values = await formFields(request);
    return runForm(locals, 'save', values, () =>
      saveSearch(portalCtx(locals), { name: values.name, query: savedQueryOf(values.query ?? '') }),
    );
  },
  delete: async ({ locals, request }) => {
    const values = await formFields(request);
    return runForm(locals, 'delete', values, () => deleteSavedSearch(portalCtx(locals), values.id ?? ''));
  },
};
