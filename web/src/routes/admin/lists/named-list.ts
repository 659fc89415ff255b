import { idFrom } from '$core/text/browser';
import type { Lang, Localized } from '$lib/components/admin/fields';

export interface NamedRow {
  id: string;
  name: Localized;
  effort?: boolean;
}

/**
 * The rows of a list form (`<list>.<i>.id`, `<list>.<i>.name.<lang>`, `<list>.<i>.remove`,
 * `<list>.<i>.effort`): kept rows in order, a new row only when it has a name. `origin[k]` is
 * the form row of kept row k, so that the core's errors land on the right inputs.
 */
export function parseRows(
  data: FormData,
  list: string,
  languages: readonly Lang[],
  withEffort: boolean,
): { rows: NamedRow[]; origin: number[] } {
  const count = Number(data.get(`${list}.count`) ?? 0);
  const rows: NamedRow[] = [];
  const origin: number[] = [];
  const taken = new Set<string>();
  for (let i = 0; i <= count; i++) {
    const id = String(data.get(`${list}.${i}.id`) ?? '');
    if (id) taken.add(id);
  }
  for (let i = 0; i <= count; i++) {
    if (data.get(`${list}.${i}.remove`)) continue;
    const id = String(data.get(`${list}.${i}.id`) ?? '');
    const name: Localized = {};
    for (const lang of languages) {
      const text = String(data.get(`${list}.${i}.name.${lang}`) ?? '').trim();
      if (text) name[lang] = text;
    }
    if (!id && !Object.keys(name).length) continue; // the empty "new" row
    const newId = id || idFrom(name, taken);
    taken.add(newId);
    rows.push({ id: newId, name, ...(withEffort ? { effort: data.get(`${list}.${i}.effort`) === 'on' } : {}) });
    origin.push(i);
  }
  return { rows, origin };
}

/** The core names `offerSectors.3.name`; the form calls it `offerSectors.<form row>.name`. */
export function fieldsOnRows(fields: Record<string, string>, list: string, origin: number[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([path, message]) => {
      const match = new RegExp(`^${list}\\.(\\d+)(.*)$`).exec(path);
      return [match ? `${list}.${origin[Number(match[1])] ?? match[1]}${match[2]}` : path, message];
    }),
  );
}
