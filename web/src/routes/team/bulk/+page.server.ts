import { listIdeasBySection, type IdeaSummary } from '$core/idea/index';
import { bulkAction, BULK_BATCH, WORKFLOW, teamMembers } from '$core/team/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 200;

/** Up to 200 ideas of a section, newest first, to select from (teamMembers also checks the role). */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const team = await teamMembers(ctx);
    const open = ctx.tenant.sections.filter((s) => !s.archived);
    const sectionId = url.searchParams.get('section') ?? open[0]?.id ?? '';
    const ideas: IdeaSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await listIdeasBySection(ctx, { sectionId, sort: 'new', limit: 50, cursor });
      ideas.push(...page.items);
      cursor = page.cursor ?? undefined;
    } while (cursor && ideas.length < SHOWN);
    return { sectionId, ideas, team, statuses: WORKFLOW, batch: BULK_BATCH };
  });

/** Without JavaScript the whole selection runs here, batch after batch; with it, the page sends the batches itself and shows the progress. */
export const actions: Actions = {
  default: async ({ locals, request }) => {
    const data = await request.formData();
    const ideaIds = data.getAll('ideaId').map(String);
    const type = String(data.get('type') ?? '');
    const value = String(data.get('value') ?? '').trim();
    const action =
      type === 'status'
        ? { type, status: value }
        : type === 'tag'
          ? { type, tag: value }
          : type === 'assign'
            ? { type, memberId: value || null }
            : { type };
    let ok = 0;
    let failed = 0;
    for (let i = 0; i < Math.max(ideaIds.length, 1); i += BULK_BATCH) {
      const result = await attempt(locals.lang, {}, () =>
        bulkAction(portalCtx(locals), { ideaIds: ideaIds.slice(i, i + BULK_BATCH), action } as never),
      );
      if (!result.ok) return result.failure;
      for (const r of result.value.results) {
        if (r.ok) ok++;
        else failed++;
      }
    }
    return { ok, failed };
  },
};
