import { redirect } from '@sveltejs/kit';
import {
  addCategory,
  addSection,
  archiveSection,
  deleteCategory,
  updateCategory,
  updateSection,
  getSettings,
} from '$core/admin/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { fieldsOf } from '$lib/server/forms';
import { localizedFrom } from '../settings-form';
import type { Localized } from '$lib/components/admin/fields';
import { nameShownAt } from '../guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const settings = await getSettings(ctx);
    return {
      sections: settings.sections,
      languages: settings.languages,
      defaultLang: settings.defaultLang,
      done: url.searchParams.get('done'),
      doneSection: url.searchParams.get('section'),
    };
  });

/** After a change, the page again (a reload shows the portal as it now is), scrolled to the section changed. */
function backTo(sectionId: string, done: string): never {
  const id = encodeURIComponent(sectionId);
  redirect(303, `/admin/sections?done=${done}&section=${id}#section-${id}`);
}

const optional = (text: object) => (Object.keys(text).length ? text : undefined);

/** The default language first: the core makes a new section's or category's address from the first name it is given. */
const defaultFirst = (text: Localized, defaultLang: string) =>
  Object.fromEntries(
    Object.entries(text).sort(([a], [b]) => Number(b === defaultLang) - Number(a === defaultLang)),
  ) as Localized;

async function read(request: Request, locals: App.Locals) {
  const values: Record<string, string> = fieldsOf(await request.formData());
  const defaultLang = portalCtx(locals).tenant.defaultLang;
  return {
    values,
    name: defaultFirst(localizedFrom(values, 'name'), defaultLang),
    description: optional(localizedFrom(values, 'description')),
  };
}

export const actions: Actions = {
  addSection: async ({ locals, request }) => {
    const { values, name, description } = await read(request, locals);
    const tag = { form: 'newSection', input: nameShownAt(`name.${portalCtx(locals).tenant.defaultLang}`) };
    const result = await attempt(locals.lang, values, () => addSection(portalCtx(locals), { name, description }), tag);
    if (!result.ok) return result.failure;
    backTo(result.value.id, 'added');
  },

  updateSection: async ({ locals, request }) => {
    const { values, name, description } = await read(request, locals);
    const tag = {
      form: `sectionEdit:${values.sectionId}`,
      input: nameShownAt(`name.${portalCtx(locals).tenant.defaultLang}`),
    };
    const result = await attempt(
      locals.lang,
      values,
      () => updateSection(portalCtx(locals), values.sectionId ?? '', { name, description }),
      tag,
    );
    if (!result.ok) return result.failure;
    backTo(result.value.id, 'saved');
  },

  moveSection: async ({ locals, request }) => {
    const { values } = await read(request, locals);
    const position = Number(values.position);
    const result = await attempt(
      locals.lang,
      values,
      () => updateSection(portalCtx(locals), values.sectionId ?? '', { position }),
      {
        form: `section:${values.sectionId}`,
      },
    );
    if (!result.ok) return result.failure;
    backTo(result.value.id, 'moved');
  },

  /** Archives (archived=yes) or restores a section; its ideas stay readable either way. */
  archiveSection: async ({ locals, request }) => {
    const { values } = await read(request, locals);
    const ctx = portalCtx(locals);
    const id = values.sectionId ?? '';
    const archive = values.archived === 'yes';
    const result = await attempt(
      locals.lang,
      values,
      () => (archive ? archiveSection(ctx, id) : updateSection(ctx, id, { archived: false })),
      {
        form: `section:${id}`,
      },
    );
    if (!result.ok) return result.failure;
    backTo(result.value.id, archive ? 'archived' : 'restored');
  },

  addCategory: async ({ locals, request }) => {
    const { values, name } = await read(request, locals);
    const tag = {
      form: `newCategory:${values.sectionId}`,
      input: nameShownAt(`name.${portalCtx(locals).tenant.defaultLang}`),
    };
    const result = await attempt(
      locals.lang,
      values,
      () => addCategory(portalCtx(locals), { sectionId: values.sectionId ?? '', name }),
      tag,
    );
    if (!result.ok) return result.failure;
    backTo(result.value.sectionId, 'categoryAdded');
  },

  renameCategory: async ({ locals, request }) => {
    const { values, name } = await read(request, locals);
    const tag = {
      form: `category:${values.categoryId}`,
      input: nameShownAt(`name.${portalCtx(locals).tenant.defaultLang}`),
    };
    const result = await attempt(
      locals.lang,
      values,
      () => updateCategory(portalCtx(locals), values.categoryId ?? '', { name }),
      tag,
    );
    if (!result.ok) return result.failure;
    backTo(values.sectionId ?? '', 'categorySaved');
  },

  deleteCategory: async ({ locals, request }) => {
    const { values } = await read(request, locals);
    const result = await attempt(
      locals.lang,
      values,
      () => deleteCategory(portalCtx(locals), values.categoryId ?? ''),
      {
        form: `category:${values.categoryId}`,
      },
    );
    if (!result.ok) return result.failure;
    backTo(values.sectionId ?? '', 'categoryDeleted');
  },
};
