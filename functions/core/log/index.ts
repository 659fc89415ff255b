import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from '../config.js';

/**
 * Structured logs: one JSON object per line, carrying the request's id, route and portal on every
 * line written while it runs (CloudWatch Logs Insights reads the fields as they are). Written here
 * rather than with Powertools' Logger: measured at 23 KB minified, it alone would take the API
 * function's last 23 KB under its 600 KB target (docs/benchmarks.md).
 */
export interface LogContext {
  requestId?: string;
  route?: string;
  tenantId?: string;
}

// One store per process, even when a bundle holds two copies of this module (the web function's
// handler and the SvelteKit server built apart both include it). Made, and so the request context
// tracked, only where request lines are kept (LOG_REQUESTS, in AWS): on Node 20 an active
// AsyncLocalStorage tracks every promise, which cost the local API a tenth of its throughput.
const KEY = Symbol.for('idea-portal.log-context');
const store = (): AsyncLocalStorage<LogContext> | undefined => {
  if (!config().LOG_REQUESTS) return undefined;
  const global = globalThis as Record<symbol, AsyncLocalStorage<LogContext> | undefined>;
  return (global[KEY] ??= new AsyncLocalStorage<LogContext>());
};

/** Runs `work` with these fields on every line it logs; the object may gain fields as the request learns them. */
export const withLogContext = <T>(fields: LogContext, work: () => T): T => {
  const current = store();
  return current ? current.run({ ...fields }, work) : work();
};

/** The fields of the request being served, to complete (the portal, once resolved); undefined outside one. */
export const logContext = (): LogContext | undefined => store()?.getStore();

/** The request's own line, where the environment keeps them (LOG_REQUESTS, set by the stack). */
export function logRequest(fields: Record<string, unknown>): void {
  if (config().LOG_REQUESTS) log('info', 'request', fields);
}

export function log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...logContext(), ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** An error as log fields: its name, message and stack (a DomainError's code too). */
export const errorFields = (error: unknown) =>
  error instanceof Error
    ? {
        error: {
          name: error.name,
          message: error.message,
          stack: error.stack,
          code: (error as { code?: unknown }).code,
        },
      }
    : { error: String(error) };
