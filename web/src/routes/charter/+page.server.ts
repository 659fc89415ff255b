import { error } from '@sveltejs/kit';
import { renderMarkdown } from '$core/idea/index';
import { localized } from '$core/tenant/index';
import { portalCtx } from '$lib/server/core';
import type { PageServerLoad } from './$types';

/** The brand's community charter, written in Markdown and rendered by the same safe renderer as ideas. */
export const load: PageServerLoad = ({ locals }) => {
  const { tenant } = portalCtx(locals);
  const text = localized(tenant.charter, locals.lang, tenant.defaultLang);
  if (!text) error(404, 'Not found');
  return { html: renderMarkdown(text) };
};
