import { listAudit } from '$core/admin/index';
import { loadSignedIn } from '$lib/server/core';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const cursor = url.searchParams.get('cursor') ?? undefined;
    const page = await listAudit(ctx, { cursor, limit: 50 });
    return { entries: page.items, next: page.cursor, paged: !!cursor, defaultLang: ctx.tenant.defaultLang };
  });
