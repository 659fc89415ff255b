import type { z } from 'zod';
import { english, say, type Text, type TextKey } from './text.js';
import { textOfIssue } from './zod-issues.js';

export { isTextKey, say, type Param, type Text, type TextKey } from './text.js';
export { render, said } from './render.js';

type Status = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

/**
 * The one error type the core throws: a stable code, an HTTP status, what it says and what it
 * says of each failing field, as texts every language renders (the API answers in English).
 */
export class DomainError extends Error {
  /** Each failing field's message, in English. */
  readonly fields?: Record<string, string>;

  constructor(
    readonly code: string,
    readonly status: Status,
    readonly text: Text,
    readonly fieldTexts?: Record<string, Text>,
  ) {
    super(english(text));
    this.name = 'DomainError';
    if (fieldTexts) this.fields = Object.fromEntries(Object.entries(fieldTexts).map(([f, t]) => [f, english(t)]));
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        fields: this.fields ?? {},
        texts: { message: this.text, fields: this.fieldTexts ?? {} },
      },
    };
  }
}

/** Bad input, field by field. */
export const invalidFields = (fields: Record<string, Text>): DomainError =>
  new DomainError('invalid_input', 400, say('input.invalid'), fields);

type Missing = TextKey extends infer K ? (K extends `notFound.${infer Thing}` ? Thing : never) : never;
export const notFound = (what: Missing, code = `${what}_not_found`) =>
  new DomainError(code, 404, { key: `notFound.${what}` });

/** A zod message that is a key of the dictionaries (`z.string().max(5, says('idea.maxTags'))`). */
export const says = (key: TextKey): string => key;

/** Every input crosses this gate: a zod schema or a 400 with the failing fields named. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const fields: Record<string, Text> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= textOfIssue(issue);
  throw invalidFields(fields);
}
