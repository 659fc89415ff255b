import { attempt } from './core';

/*
 * The pages of technology offers: where a refusal shows, what a form's lists become.
 */

/** A list's item error (`keywords.3`) shows at the list's input. */
export const listInput = (field: string) => field.split('.')[0]!;

/** Runs a form action and answers with its form's name, so the page shows the outcome beside that form. */
export async function runForm<T>(
  locals: App.Locals,
  form: string,
  values: Record<string, string>,
  fn: () => Promise<T>,
) {
  const result = await attempt(locals.lang, values, fn, { form, input: listInput });
  return result.ok ? { form, ok: true as const } : result.failure;
}

/** The checked values of a group of checkboxes. */
export const checked = (data: FormData, name: string) => data.getAll(name).map(String).filter(Boolean);

/** A field left empty is not sent: the core then keeps or defaults it. */
export const optional = (value: FormDataEntryValue | null) =>
  value === null || String(value).trim() === '' ? undefined : String(value);

/** The fields of the offer form, untyped like `formFields`: the core parses them and names what is wrong. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function offerInput(data: FormData): any {
  return {
    title: String(data.get('title') ?? ''),
    summary: String(data.get('summary') ?? ''),
    description: String(data.get('description') ?? ''),
    maturity: optional(data.get('maturity')),
    trl: optional(data.get('trl')),
    sectors: checked(data, 'sectors'),
    keywords: String(data.get('keywords') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    ip: optional(data.get('ip')),
    partnerships: checked(data, 'partnerships'),
    country: optional(data.get('country')),
    attachmentIds: checked(data, 'attachmentIds'),
    visibility: optional(data.get('visibility')),
    requestId: optional(data.get('requestId')),
  };
}

/** What the form shows again after a refusal: every value, lists included, as typed. */
export function offerValues(data: FormData) {
  return {
    ...Object.fromEntries([...data].filter(([, v]) => typeof v === 'string')),
    sectors: checked(data, 'sectors').join(','),
    partnerships: checked(data, 'partnerships').join(','),
    attachments: JSON.stringify(
      checked(data, 'attachmentIds').map((id, i) => ({
        id,
        filename: String(data.getAll('attachmentIds-filename')[i] ?? id),
      })),
    ),
  } as Record<string, string>;
}
