import { assignableRoles, can } from '$core/authz';
import { changeRole, invite, listMembers } from '$core/roles/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const page = await listMembers(ctx, { cursor: url.searchParams.get('cursor') ?? undefined });
    return {
      members: page.items,
      next: page.cursor,
      canManage: can(ctx.actor, 'members.manage'),
      roles: assignableRoles(ctx.actor),
    };
  });

export const actions: Actions = {
  invite: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => invite(portalCtx(locals), values));
    return result.ok ? { invited: result.value.email } : result.failure;
  },
  role: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () =>
      changeRole(portalCtx(locals), values.memberId ?? '', values),
    );
    return result.ok ? { updated: true } : result.failure;
  },
};
