import type { Ctx } from '$core/context';
import { translateError } from '$lib/i18n/errors';
import { attempt } from '$lib/server/forms';
import { loadSignedIn } from '$lib/server/guard';
import type { Lang } from '$lib/i18n';
import { adminMessage } from './messages';

/** Reads what a settings page shows (see loadSignedIn), with the settings' own messages in the reader's language. */
export function loadAsAdmin<T>(locals: App.Locals, url: URL, read: (ctx: Ctx) => Promise<T>): Promise<T> {
  return loadSignedIn(locals, url, read, (message, lang) => adminMessage(translateError(message, lang), lang));
}

/**
 * `attempt` for the settings forms: the same failure, with the core's settings messages in the
 * reader's language. A name given in no language is refused by the core on `name`; the form shows
 * it at `nameInput` (the default language's input).
 */
export async function attemptAsAdmin<T>(
  lang: Lang,
  values: Record<string, string>,
  run: () => Promise<T>,
  tag: { form?: string; nameInput?: string } = {},
) {
  const { nameInput, ...formTag } = tag;
  const result = await attempt(lang, values, run, formTag);
  if (!result.ok) {
    const data = result.failure.data;
    if (nameInput && data.fields.name) {
      data.fields[nameInput] = data.fields.name;
      delete data.fields.name;
    }
    data.message = adminMessage(data.message, lang);
    data.fields = Object.fromEntries(
      Object.entries(data.fields).map(([name, message]) => [name, adminMessage(message, lang)]),
    );
  }
  return result;
}
