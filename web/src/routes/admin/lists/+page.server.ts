import { redirect } from '@sveltejs/kit';
import { getSettings, updateSettings } from '$core/admin/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { fieldsOf } from '$lib/server/forms';
import { fieldsOnRows, parseRows } from './named-list';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const settings = await getSettings(ctx);
    return {
      version: settings.version,
      languages: settings.languages,
      defaultLang: settings.defaultLang,
      offerSectors: settings.offerSectors,
      scoringCriteria: settings.scoringCriteria,
      saved: url.searchParams.get('saved'),
    };
  });

/** One list of the portal's settings saved whole, from the version the form was read at. */
function saveList(list: 'offerSectors' | 'scoringCriteria'): Actions[string] {
  return async ({ locals, request }) => {
    const data = await request.formData();
    const ctx = portalCtx(locals);
    const { rows, origin } = parseRows(data, list, ctx.tenant.languages, list === 'scoringCriteria');
    const values = fieldsOf(data);
    const result = await attempt(
      locals.lang,
      values,
      () => updateSettings(ctx, { version: Number(values.version), [list]: rows } as never),
      { form: list },
    );
    if (!result.ok) {
      result.failure.data.fields = fieldsOnRows(result.failure.data.fields, list, origin);
      return result.failure;
    }
    redirect(303, `/admin/lists?saved=${list}#${list}`);
  };
}

export const actions: Actions = {
  offerSectors: saveList('offerSectors'),
  scoringCriteria: saveList('scoringCriteria'),
};
