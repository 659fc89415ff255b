import { error } from '@sveltejs/kit';
import { IdeaSort, IdeaStatus, ideaSummaries, listIdeasBySection, searchIdeas } from '$core/idea/index';
import { listPublicPortals, localized, logoPath, portalOrigin } from '$core/tenant/index';
import { ideasInAction } from '$core/team/index';
import { myVotes } from '$core/vote/index';
import { refusalAsErrorPage } from '$lib/server/core';
import { listPath, voteFromList } from '$lib/server/list-vote';
import type { Actions, PageServerLoad } from './$types';

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
    const [results, page, launched] = await Promise.all([
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
      // The first page of the home shows what ideas became; a later page or a search does not.
      url.searchParams.has('cursor') || q ? { items: [] } : ideasInAction(site.ctx, { limit: 3 }),
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
      launched: launched.items.map(({ id, title, authorName, authorDeleted, response }) => ({
        id,
        title,
        authorName,
        authorDeleted,
        response: response && { text: response.text },
      })),
      mine,
      list: listPath(url),
      next: page.cursor,
      paged: url.searchParams.has('cursor'),
    };
  } catch (e) {
    refusalAsErrorPage(e, lang);
  }
};

/** A vote from the list (lib/server/list-vote.ts). */
export const actions: Actions = { vote: voteFromList };
