import { assignableRoles, can } from '$core/authz';
import { listPartners } from '$core/offer/index';
import { changeRole, invite, listInvitations, listMembers, revokeInvitation } from '$core/roles/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const page = await listMembers(ctx, { cursor: url.searchParams.get('cursor') ?? undefined });
    const invitations = can(ctx.actor, 'invitations.create') ? await listInvitations(ctx) : [];
    // A partner invitation names its organisation.
    const partners = invitations.some((i) => i.partnerId) ? await listPartners(ctx) : [];
    return {
      members: page.items,
      next: page.cursor,
      canManage: can(ctx.actor, 'members.manage'),
      roles: assignableRoles(ctx.actor),
      invitations: invitations.map((i) => ({ ...i, partnerName: partners.find((p) => p.id === i.partnerId)?.name })),
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
  revoke: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => revokeInvitation(portalCtx(locals), values.id ?? ''));
    return result.ok ? { revoked: String(values.email ?? '') } : result.failure;
  },
};
