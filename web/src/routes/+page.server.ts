import { error, redirect } from '@sveltejs/kit';
import { IdeaSort, IdeaStatus, ideaSummaries, listIdeasBySection, searchIdeas } from '$core/idea/index';
import { IdPattern } from '$core/ids';
import { listPublicPortals, localized, logoPath, portalOrigin } from '$core/tenant/index';
import { castVote, myVotes } from '$core/vote/index';
import { attempt, portalCtx, refusalAsErrorPage } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The list's own address (section, sort, filters, search, page), without a form action's name. */
function listPath(url: URL): string {
  const params = new URLSearchParams([...url.searchParams].filter(([name]) => !name.startsWith('/')));
  return params.size ? `/?${params}` : '/';
}

/** The apex host shows the platform page; a portal host shows the portal home. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { site, lang } = locals;
  if (site.kind === 'platform') {
    const portals = await listPublicPortals();
    return {
      view: 'platform' as const,
      portals: portals.map((p) => {
        const origin = portalOrigin(p.slug, url);
        const logo = logoPath(p);
        return {
          slug: p.slug,
          name: localized(p.name, lang, p.defaultLang),
          tagline: localized(p.tagline, lang, p.defaultLang),
          url: `${origin}/`,
          logoUrl: logo ? `${origin}${logo}` : null,
          primary: p.theme.primary,
        };
      }),
    };
  }
  if (site.kind !== 'tenant') error(404, 'Not found');
  const open = site.tenant.sections.filter((s) => !s.archived);
  const sectionId = url.searchParams.get('section') ?? open[0]?.id ?? '';
  const sortParam = IdeaSort.safeParse(url.searchParams.get('sort') ?? 'top');
  const sort = sortParam.success ? sortParam.data : 'top';
  const q = url.searchParams.get('q')?.trim() ?? '';
  const status = IdeaStatus.safeParse(url.searchParams.get('status'));
  const filters = {
    categoryId: url.searchParams.get('category') || undefined,
    status: status.success ? status.data : undefined,
  };
  try {
    const [results, page] = await Promise.all([
      q.length >= 2
        ? searchIdeas(site.ctx, { q }).then((hits) =>
            ideaSummaries(
              site.ctx,
              hits.map((h) => h.id),
            ),
          )
        : null,
      listIdeasBySection(site.ctx, {
        sectionId,
        sort,
        ...filters,
        cursor: url.searchParams.get('cursor') ?? undefined,
      }),
    ]);
    // The member's own votes on every idea shown, search results included: one read.
    const mine = await myVotes(
      site.ctx,
      [...(results ?? []), ...page.items].map((idea) => idea.id),
    );
    return {
      view: 'portal' as const,
      sectionId,
      sort,
      filters,
      q,
      results,
      ideas: page.items,
      mine,
      list: listPath(url),
      next: page.cursor,
      paged: url.searchParams.has('cursor'),
    };
  } catch (e) {
    refusalAsErrorPage(e, lang);
  }
};

export const actions: Actions = {
  /**
   * A vote from the list: back to the same list at the same idea (a visitor signs in first and
   * comes back there); a refusal is shown at that idea's card, the page opening on it.
   */
  vote: async ({ locals, request, url }) => {
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
  },
};
