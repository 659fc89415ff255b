import { z } from 'zod';
import { nowIso, type Ctx } from '../context.js';
import { DomainError, parseInput } from '../errors.js';
import { addDays, dayOf, daysInRange, isCalendarDay } from './calendar.js';

/** Longest period one dashboard or export covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;
/** Without dates: the last twelve weeks, ending today. */
export const DEFAULT_PERIOD_DAYS = 84;

/** The core's messages for a bad period, which the pages translate. */
export const PERIOD_MESSAGES = {
  day: 'A date as yyyy-mm-dd.',
  order: 'The start comes after the end.',
  length: 'At most one year at a time.',
} as const;

// An empty form field means "not given".
const OptionalDay = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.string().refine(isCalendarDay, PERIOD_MESSAGES.day).optional(),
);
export const PeriodInput = z.object({ from: OptionalDay, to: OptionalDay });
export type Period = { from: string; to: string };

/** The UTC days `from` to `to` (both included) asked for, with defaults, at most a year. */
export function resolvePeriod(ctx: Pick<Ctx, 'now'>, input: unknown): Period {
  const asked = parseInput(PeriodInput, input ?? {});
  const to = asked.to ?? dayOf(nowIso(ctx));
  const from = asked.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  const invalid = (field: 'from' | 'to', message: string) =>
    new DomainError('invalid_input', 400, 'Some fields are not valid.', { [field]: message });
  if (from > to) throw invalid('from', PERIOD_MESSAGES.order);
  if (daysInRange(from, to) > MAX_PERIOD_DAYS) throw invalid('from', PERIOD_MESSAGES.length);
  return { from, to };
}
