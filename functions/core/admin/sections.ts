import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { idFrom } from '../text/index.js';
import { LocalizedName, LocalizedText, ShortId, type Section, type Tenant } from '../tenant/index.js';
import { changeTenant, getSettings } from './portal.js';
import { fn } from '../fn.js';
import { authorize } from '../authz.js';

/** Who may change the portal's sections and categories: asked before the input is read. */
const configurer = (ctx: Ctx) => authorize(ctx, 'portal.configure');

export const AddSection = z
  .object({ id: ShortId.optional(), name: LocalizedName, description: LocalizedText.optional() })
  .strict();
export const UpdateSection = z
  .object({
    name: LocalizedName.optional(),
    description: LocalizedText.optional(),
    archived: z.boolean().optional(),
    /** The section's new place in the list, 0 first. */
    position: z.number().int().min(0).max(29).optional(),
  })
  .strict();
export const AddCategory = z.object({ sectionId: ShortId, id: ShortId.optional(), name: LocalizedName }).strict();
export const UpdateCategory = z.object({ name: LocalizedName }).strict();

const sectionOf = (tenant: Tenant, id: string) =>
  tenant.sections.find((s) => s.id === id) ??
  (() => {
    throw notFound('section');
  })();
const allCategoryIds = (tenant: Tenant) => new Set(tenant.sections.flatMap((s) => s.categories.map((c) => c.id)));
const withSection = (tenant: Tenant, section: Section) => ({
  ...tenant,
  sections: tenant.sections.map((s) => (s.id === section.id ? section : s)),
});

/** Every section, archived ones included, in their order. */
export async function listSections(ctx: Ctx): Promise<Section[]> {
  return (await getSettings(ctx)).sections;
}

export const addSection = /* @__PURE__ */ fn(configurer, AddSection, async (ctx, data): Promise<Section> => {
  let added!: Section;
  await changeTenant(ctx, 'section.add', (current) => {
    const taken = new Set(current.sections.map((s) => s.id));
    if (data.id && taken.has(data.id))
      throw new DomainError('section_exists', 409, say('portal.sectionExists'), { id: say('portal.sectionExists') });
    if (current.sections.length >= 30)
      throw new DomainError('too_many_sections', 400, say('portal.tooManySections', { max: 30 }));
    added = {
      id: data.id ?? idFrom(data.name, taken, 'section'),
      name: data.name,
      description: data.description,
      archived: false,
      categories: [],
    };
    return {
      next: { ...current, sections: [...current.sections, added] },
      detail: { section: added.id, name: added.name },
    };
  });
  return added;
});

/** Renames, describes, archives or restores, and moves a section. An archived section's ideas stay readable. */
export async function updateSection(
  ctx: Ctx,
  sectionId: string,
  input: z.input<typeof UpdateSection>,
): Promise<Section> {
  configurer(ctx);
  const { position, ...changes } = parseInput(UpdateSection, input);
  let updated!: Section;
  await changeTenant(ctx, 'section.update', (current) => {
    updated = { ...sectionOf(current, sectionId), ...changes };
    let sections = withSection(current, updated).sections;
    if (position !== undefined) {
      sections = sections.filter((s) => s.id !== sectionId);
      sections.splice(Math.min(position, sections.length), 0, updated);
    }
    return {
      next: { ...current, sections },
      detail: { section: sectionId, ...changes, ...(position !== undefined ? { position } : {}) },
    };
  });
  return updated;
}

/** Sections are archived, never deleted: their ideas keep their address. */
export async function archiveSection(ctx: Ctx, sectionId: string): Promise<Section> {
  return updateSection(ctx, sectionId, { archived: true });
}

export async function listCategories(ctx: Ctx) {
  return (await getSettings(ctx)).sections.flatMap((s) => s.categories.map((c) => ({ ...c, sectionId: s.id })));
}

export const addCategory = /* @__PURE__ */ fn(configurer, AddCategory, async (ctx, data) => {
  let added!: { id: string; name: z.output<typeof LocalizedText>; sectionId: string };
  await changeTenant(ctx, 'category.add', (current) => {
    const section = sectionOf(current, data.sectionId);
    const taken = allCategoryIds(current);
    if (data.id && taken.has(data.id))
      throw new DomainError('category_exists', 409, say('portal.categoryExists'), { id: say('portal.categoryExists') });
    if (section.categories.length >= 50)
      throw new DomainError('too_many_categories', 400, say('portal.tooManyCategories', { max: 50 }));
    const category = { id: data.id ?? idFrom(data.name, taken, 'section'), name: data.name };
    added = { ...category, sectionId: section.id };
    return {
      next: withSection(current, { ...section, categories: [...section.categories, category] }),
      detail: { category: category.id, section: section.id, name: category.name },
    };
  });
  return added;
});

function findCategory(tenant: Tenant, categoryId: string) {
  const section = tenant.sections.find((s) => s.categories.some((c) => c.id === categoryId));
  if (!section) throw notFound('category');
  return section;
}

export async function updateCategory(ctx: Ctx, categoryId: string, input: z.input<typeof UpdateCategory>) {
  configurer(ctx);
  const { name } = parseInput(UpdateCategory, input);
  await changeTenant(ctx, 'category.update', (current) => {
    const section = findCategory(current, categoryId);
    const categories = section.categories.map((c) => (c.id === categoryId ? { ...c, name } : c));
    return { next: withSection(current, { ...section, categories }), detail: { category: categoryId, name } };
  });
  return { id: categoryId, name };
}

/** Removes a category from the choices; ideas filed under it keep their category id and stay listed in the section. */
export async function deleteCategory(ctx: Ctx, categoryId: string): Promise<void> {
  await changeTenant(ctx, 'category.delete', (current) => {
    const section = findCategory(current, categoryId);
    return {
      next: withSection(current, { ...section, categories: section.categories.filter((c) => c.id !== categoryId) }),
      detail: { category: categoryId, section: section.id },
    };
  });
}
