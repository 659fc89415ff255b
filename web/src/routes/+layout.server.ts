import { error } from '@sveltejs/kit';
import { can, isPartner } from '$core/authz';
import { unreadCount } from '$core/notify/index';
import { configFor } from '$core/tenant/index';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
  const { site, lang } = locals;
  if (site.kind === 'unknown') error(404, { message: site.host, code: 'tenant_not_found' });
  const actor = site.kind === 'tenant' ? site.ctx.actor : undefined;
  const me =
    actor?.kind === 'member'
      ? {
          displayName: actor.displayName ?? '',
          photo: actor.photo,
          role: actor.role,
          verified: actor.verified ?? false,
          team: can(actor, 'members.list'),
          admin: can(actor, 'portal.configure'),
          partner: isPartner(actor),
          broker: can(actor, 'offers.broker'),
          unread: site.kind === 'tenant' ? await unreadCount(site.ctx) : 0,
        }
      : null;
  return { lang, me, portal: site.kind === 'tenant' ? configFor(site.ctx) : null };
};
