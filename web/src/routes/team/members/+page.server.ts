import { error, redirect } from '@sveltejs/kit';
import { assignableRoles, can } from '$core/authz';
import { DomainError } from '$core/errors';
import { changeRole, invite, listMembers } from '$core/team/index';
import { attempt, formFields, portalCtx } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname)}`);
  try {
    const page = await listMembers(ctx, { cursor: url.searchParams.get('cursor') ?? undefined });
    return { members: page.items, next: page.cursor, canManage: can(ctx.actor, 'members.manage'), roles: assignableRoles(ctx.actor) };
  } catch (e) {
    if (e instanceof DomainError && e.status < 500) error(e.status, { message: e.message, code: e.code });
    throw e;
  }
};

export const actions: Actions = {
  invite: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => invite(portalCtx(locals), values));
    return result.ok ? { invited: result.value.email } : result.failure;
  },
  role: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => changeRole(portalCtx(locals), values.memberId ?? '', values));
    return result.ok ? { updated: true } : result.failure;
  },
};
