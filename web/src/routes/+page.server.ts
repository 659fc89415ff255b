import { error } from '@sveltejs/kit';
import { IdeaSort, IdeaStatus, listIdeasBySection, searchIdeas } from '$core/idea/index';
import { listPublicPortals, localized, logoPath, portalOrigin } from '$core/tenant/index';
import { ideasInAction } from '$core/team/index';
import { refusalAsErrorPage } from '$lib/server/core';
import type { PageServerLoad } from './$types';

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
    const results = q.length >= 2 ? await searchIdeas(site.ctx, { q }) : null;
    const [page, launched] = await Promise.all([
      listIdeasBySection(site.ctx, {
        sectionId,
        sort,
        ...filters,
        cursor: url.searchParams.get('cursor') ?? undefined,
      }),
      // The first page of the home shows what ideas became; a later page or a search does not.
      url.searchParams.has('cursor') || q ? { items: [] } : ideasInAction(site.ctx, { limit: 3 }),
    ]);
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
      next: page.cursor,
      paged: url.searchParams.has('cursor'),
    };
  } catch (e) {
    refusalAsErrorPage(e, lang);
  }
};
