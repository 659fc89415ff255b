import type { z } from 'zod';

/** The one error type the core throws: a stable code, an HTTP status, and per-field messages. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, fields: this.fields ?? {} } };
  }
}

export const notFound = (what: string, code = `${what}_not_found`) =>
  new DomainError(code, 404, `No such ${what.replace(/_/g, ' ')}.`);

/** Every input crosses this gate: a zod schema or a 400 with the failing fields named. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  throw new DomainError('invalid_input', 400, 'Some fields are not valid.', fields);
}
