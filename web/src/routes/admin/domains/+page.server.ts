import { redirect } from '@sveltejs/kit';
import { addDomain, listDomains, removeDomain, verifyDomain } from '$core/admin/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { fieldsOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => ({
    domains: await listDomains(ctx),
    done: url.searchParams.get('done'),
    doneHost: url.searchParams.get('host'),
  }));

/** The anchor of a domain's block on the page. */
const anchorOf = (host: string) => `domain-${host.replace(/[^a-z0-9-]/g, '-')}`;

function backTo(done: string, host?: string): never {
  redirect(303, `/admin/domains?done=${done}${host ? `&host=${encodeURIComponent(host)}#${anchorOf(host)}` : ''}`);
}

export const actions: Actions = {
  add: async ({ locals, request }) => {
    const values: Record<string, string> = fieldsOf(await request.formData());
    const result = await attempt(
      locals.lang,
      values,
      () => addDomain(portalCtx(locals), { domain: values.domain ?? '' }),
      { form: 'add' },
    );
    if (!result.ok) return result.failure;
    backTo('added', result.value.host);
  },

  /** Looks the TXT record up now; a 422 says it is not there yet. */
  verify: async ({ locals, request }) => {
    const values: Record<string, string> = fieldsOf(await request.formData());
    const result = await attempt(locals.lang, values, () => verifyDomain(portalCtx(locals), values.domain ?? ''), {
      form: `domain:${values.domain}`,
    });
    if (!result.ok) return result.failure;
    backTo('verified', result.value.host);
  },

  remove: async ({ locals, request }) => {
    const values: Record<string, string> = fieldsOf(await request.formData());
    const result = await attempt(locals.lang, values, () => removeDomain(portalCtx(locals), values.domain ?? ''), {
      form: `domain:${values.domain}`,
    });
    if (!result.ok) return result.failure;
    backTo('removed');
  },
};
