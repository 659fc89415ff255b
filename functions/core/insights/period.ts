import { z } from 'zod';
import { nowIso, type Ctx } from '../context.js';
import { invalidFields, parseInput, say, says } from '../errors/index.js';
import { addDays, dayOf, daysInRange, isCalendarDay } from './calendar.js';

/** Longest period one dashboard or export covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;
/** Without dates: the last twelve weeks, ending today. */
export const DEFAULT_PERIOD_DAYS = 84;

// An empty form field means "not given".
const OptionalDay = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.string().refine(isCalendarDay, says('period.day')).optional(),
);
export const PeriodInput = z.object({ from: OptionalDay, to: OptionalDay });
export type Period = { from: string; to: string };

/** The UTC days `from` to `to` (both included) asked for, with defaults, at most a year. */
export function resolvePeriod(ctx: Pick<Ctx, 'now'>, input: unknown): Period {
  const asked = parseInput(PeriodInput, input ?? {});
  const to = asked.to ?? dayOf(nowIso(ctx));
  const from = asked.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw invalidFields({ from: say('period.order') });
  if (daysInRange(from, to) > MAX_PERIOD_DAYS) throw invalidFields({ from: say('period.length') });
  return { from, to };
}
