import { fail } from '@sveltejs/kit';
import type { Ctx } from '$core/context';
import { translateError } from '$lib/i18n/errors';
import { attempt } from '$lib/server/forms';
import { loadSignedIn } from '$lib/server/guard';
import { translator, type Lang } from '$lib/i18n';
import { adminMessage } from './messages';

/** Reads what a settings page shows (see loadSignedIn), with the settings' own messages in the reader's language. */
export function loadAsAdmin<T>(locals: App.Locals, url: URL, read: (ctx: Ctx) => Promise<T>): Promise<T> {
  return loadSignedIn(locals, url, read, (message, lang) => adminMessage(translateError(message, lang), lang));
}

/** `attempt` for the settings forms: the same failure, with the core's settings messages in the reader's language. */
export async function attemptAsAdmin<T>(lang: Lang, values: Record<string, string>, run: () => Promise<T>, tag: { form?: string } = {}) {
  const result = await attempt(lang, values, run, tag);
  if (!result.ok) {
    const data = result.failure.data;
    data.message = adminMessage(data.message, lang);
    data.fields = Object.fromEntries(Object.entries(data.fields).map(([name, message]) => [name, adminMessage(message, lang)]));
  }
  return result;
}

/**
 * A brand name (of a portal, a section or a category) needs at least one language: the core
 * accepts an empty set of translations, a form does not. The error goes to the default language's input.
 */
export function missingName(name: object, lang: Lang, defaultLang: string, values: Record<string, string>, tag: { form: string }) {
  if (Object.keys(name).length > 0) return undefined;
  const t = translator(lang);
  return fail(400, { ...tag, code: 'invalid_input', message: t('admin.error.fields'), fields: { [`name.${defaultLang}`]: t('admin.error.nameRequired') }, values });
}
