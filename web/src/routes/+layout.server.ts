import { error } from '@sveltejs/kit';
import { publicConfig } from '$core/tenant/index';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const { site, lang } = locals;
  if (site.kind === 'unknown') error(404, { message: site.host, code: 'tenant_not_found' });
  return { lang, portal: site.kind === 'tenant' ? publicConfig(site.tenant) : null };
};
