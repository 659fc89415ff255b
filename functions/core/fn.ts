import type { z } from 'zod';
import type { Ctx } from './context.js';
import { parseInput } from './errors/index.js';

/** A core function as callers see it: the context and the raw input; its schema is kept for tools (OpenAPI). */
export type CoreFn<S extends z.ZodType, R> = ((ctx: Ctx, input?: z.input<S>) => Promise<R>) & { schema: S };

/**
 * The one gate of the core's inputs. `fn(Schema, body)` checks the input against its schema (a
 * 400 naming the failing fields) before the body runs with the parsed value. `fn(allow, Schema,
 * body)` first asks who may call it (`allow` throws 401/403, or returns the actor the body gets as
 * its third argument), so a caller without the right learns nothing about the input rules.
 *
 * Write each use `export const name = /* @__PURE__ *\/ fn(...)`: a call at a module's top level is
 * kept by bundlers unless marked pure, and without the mark every core function a Lambda does
 * not use stays in its bundle (the API function measured 808 KB instead of 565 KB).
 */
export function fn<S extends z.ZodType, R>(schema: S, body: (ctx: Ctx, input: z.output<S>) => Promise<R>): CoreFn<S, R>;
export function fn<A, S extends z.ZodType, R>(
  allow: (ctx: Ctx) => A,
  schema: S,
  body: (ctx: Ctx, input: z.output<S>, allowed: A) => Promise<R>,
): CoreFn<S, R>;
export function fn(...args: unknown[]) {
  const [allow, schema, body] = (args.length === 2 ? [undefined, ...args] : args) as [
    ((ctx: Ctx) => unknown) | undefined,
    z.ZodType,
    (ctx: Ctx, input: unknown, allowed: unknown) => Promise<unknown>,
  ];
  const run = async (ctx: Ctx, input?: unknown) => {
    const allowed = allow?.(ctx);
    return body(ctx, parseInput(schema, input ?? {}), allowed);
  };
  return Object.assign(run, { schema });
}
