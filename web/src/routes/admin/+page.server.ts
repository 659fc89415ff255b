import { redirect } from '@sveltejs/kit';
import { removeBrandImage, setBrandImage, getSettings, signUpRate, updateSettings } from '$core/admin/index';
import { IdeaStatus } from '$core/idea/index';
import { FONT_STACKS, brandImagePath, BRAND_IMAGES, type BrandImageKind } from '$core/tenant/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { fieldsOf } from '$lib/server/forms';
import { onlyChanged, settingsChanges, settingsValues, submittedValues } from './settings-form';
import { nameShownAt } from './guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const settings = await getSettings(ctx);
    return {
      values: settingsValues(settings),
      languages: settings.languages,
      defaultLang: settings.defaultLang,
      images: Object.fromEntries(BRAND_IMAGES.map((kind) => [kind, brandImagePath(settings, kind)])) as Record<
        BrandImageKind,
        string | null
      >,
      // Sent from here so that the browser bundle needs neither zod nor the core's schemas.
      fonts: FONT_STACKS,
      statuses: IdeaStatus.options,
      signUpsThisHour: (await signUpRate(ctx)).thisHour,
      saved: url.searchParams.get('saved'),
    };
  });

export const actions: Actions = {
  /** The whole settings form; a success reloads the page, so that the new theme is in its first HTML. */
  save: async ({ locals, request }) => {
    const data = await request.formData();
    const values = submittedValues(data);
    const changes = settingsChanges(data, IdeaStatus.options);
    const ctx = portalCtx(locals);
    const result = await attempt(
      locals.lang,
      values,
      async () => {
        const changed = onlyChanged(changes, await getSettings(ctx));
        return Object.keys(changed).length > 1 ? updateSettings(ctx, changed as never) : null;
      },
      { form: 'settings', input: nameShownAt(`name.${values.defaultLang || ctx.tenant.defaultLang}`) },
    );
    if (!result.ok) return result.failure;
    redirect(303, `/admin?saved=${result.value ? 'settings' : 'unchanged'}`);
  },

  image: async ({ locals, request }) => {
    const values = fieldsOf(await request.formData());
    const kind = values.kind as BrandImageKind;
    const result = await attempt(
      locals.lang,
      values,
      () => setBrandImage(portalCtx(locals), { kind, uploadId: values.uploadId ?? '' }),
      { form: `image:${kind}` },
    );
    if (!result.ok) return result.failure;
    redirect(303, `/admin?saved=${kind}#image-${kind}`);
  },

  removeImage: async ({ locals, request }) => {
    const values = fieldsOf(await request.formData());
    // The core checks the kind; an unknown one is its 400.
    const kind = values.kind as BrandImageKind;
    const result = await attempt(locals.lang, values, () => removeBrandImage(portalCtx(locals), kind), {
      form: `image:${kind}`,
    });
    if (!result.ok) return result.failure;
    redirect(303, `/admin?saved=${kind}-removed#image-${kind}`);
  },
};
