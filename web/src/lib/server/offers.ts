import type { Ctx } from '$core/context';
import { offerFieldMessage, offerMessage } from '$lib/i18n/offers-errors';
import type { Lang } from '$lib/i18n';
import { attempt, portalCtx } from './forms';
import { loadSignedIn, refusalAsErrorPage } from './guard';

/*
 * The pages of technology offers: the core's messages in the reader's language, what a form's
 * lists become, and the portal's sectors.
 */

/** A members-only offers page (see loadSignedIn), with the offers' messages translated. */
export const loadOffersSignedIn = <T>(locals: App.Locals, url: URL, read: (ctx: Ctx) => Promise<T>) =>
  loadSignedIn(locals, url, read, offerMessage);

/** A page any reader of the portal may open: the core's refusal becomes the error page. */
export async function loadOffersPublic<T>(locals: App.Locals, read: (ctx: Ctx) => Promise<T>): Promise<T> {
  try {
    return await read(portalCtx(locals));
  } catch (e) {
    refusalAsErrorPage(e, locals.lang, offerMessage);
  }
}

/** `attempt` with the offers' messages in the reader's language. */
export async function attemptOffer<T>(
  lang: Lang,
  values: Record<string, string>,
  run: () => Promise<T>,
  tag: { form?: string } = {},
) {
  const result = await attempt(lang, values, run, tag);
  if (!result.ok) {
    const data = result.failure.data;
    data.message = offerMessage(data.message, lang);
    data.fields = Object.fromEntries(
      Object.entries(data.fields).map(([path, message]) => [
        path.split('.')[0],
        offerFieldMessage(path.split('.')[0]!, message, lang),
      ]),
    );
  }
  return result;
}

/** Runs a form action and answers with its form's name, so the page shows the outcome beside that form. */
export async function runForm<T>(
  locals: App.Locals,
  form: string,
  values: Record<string, string>,
  fn: () => Promise<T>,
) {
  const result = await attemptOffer(locals.lang, values, fn, { form });
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
