/** Calendar arithmetic on UTC days written `yyyy-mm-dd`: the dashboard's buckets are UTC days and ISO weeks. */
const DAY_MS = 86_400_000;

const toTime = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The UTC day of an ISO timestamp. */
export const dayOf = (iso: string) => iso.slice(0, 10);

export const addDays = (day: string, days: number) => toDay(toTime(day) + days * DAY_MS);

/** Days from `from` to `to`, both counted: a single day is 1. */
export const daysInRange = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY_MS) + 1;

/** True for a real calendar day (not 2026-02-30). */
export const isCalendarDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(toTime(day)) && toDay(toTime(day)) === day;

/** The ISO 8601 week of a day (weeks start on Monday; week 1 holds the year's first Thursday), and its Monday. */
export function isoWeek(day: string): { week: string; start: string } {
  const time = toTime(day);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = time - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const ordinal = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS); // 0-based day of the year
  const week = Math.floor(ordinal / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: toDay(monday) };
}

export interface WeekBucket {
  week: string;
  /** The week's Monday, even when the range starts later in that week. */
  start: string;
  /** The first and last days of the range inside this week. */
  firstDay: string;
  lastDay: string;
}

/** Every ISO week that overlaps the range, in order; the first and last may be partial. */
export function weekBuckets(from: string, to: string): WeekBucket[] {
  const buckets: WeekBucket[] = [];
  for (let day = from; day <= to; day = addDays(day, 7 - ((new Date(toTime(day)).getUTCDay() + 6) % 7))) {
    const { week, start } = isoWeek(day);
    const sunday = addDays(start, 6);
    buckets.push({ week, start, firstDay: day, lastDay: sunday < to ? sunday : to });
  }
  return buckets;
}
