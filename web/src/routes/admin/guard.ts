/**
 * A name given in no language is refused by the core on `name`; the settings forms show it at
 * the default language's input.
 */
export const nameShownAt =
  (input: string) =>
  (field: string): string =>
    field === 'name' ? input : field;
