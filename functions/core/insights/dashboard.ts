import type { Ctx } from '../context.js';
import { dayStats, dayWords, memberNames, totals as totalsItem } from '../db/index.js';
import { IdeaStatus } from '../idea/index.js';
import { attr, PREFIX, prefixed } from './attributes.js';
import { addDays, weekBuckets } from './calendar.js';
import type { Period } from './period.js';
import { risingThemes, type TermCounts, type Theme } from './themes.js';

export interface WeekFigures {
  week: string;
  start: string;
  ideas: number;
  votes: number;
  comments: number;
  activeMembers: number;
}

export interface Dashboard extends Period {
  /** When these figures were computed: now, or when the portal's kept view was (see view.ts). */
  asOf: string;
  weeks: WeekFigures[];
  /** The whole period; active members are counted once however many weeks they were active. */
  period: Omit<WeekFigures, 'week' | 'start'>;
  /** Live ideas now, by status in workflow order (not limited to the period). */
  funnel: { status: IdeaStatus; count: number }[];
  /** Live ideas now per section and category, in the portal's order; merged duplicates left out. */
  sections: { sectionId: string; count: number; categories: { categoryId: string; count: number }[] }[];
  themes: { recent: Period; before: Period; items: Theme[] };
  contributors: { memberId: string; name: string | null; activities: number }[];
}

/** Rising themes compare the 7 days ending at `to` with the 30 days before them. */
const RECENT_DAYS = 7;
const BEFORE_DAYS = 30;
const TOP_CONTRIBUTORS = 10;

type DayItem = Record<string, unknown> & { sk: string };

async function collect(items: AsyncIterable<Record<string, unknown>>): Promise<DayItem[]> {
  const all: DayItem[] = [];
  for await (const item of items) all.push(item as DayItem);
  return all;
}

/**
 * The dashboard for a period of UTC days, computed now. It reads only aggregates: one Query of
 * the period's day items, one of the 37 days of word counts, and the totals item (plus the names
 * of ten contributors), so its cost follows the period and the size of those day items (which
 * grow with a portal's activity up to the consumer's caps), never the number of ideas.
 */
export async function computeDashboard(ctx: Ctx, period: Period): Promise<Dashboard> {
  return (await measuredDashboard(ctx, period)).dashboard;
}

/** The dashboard, and how many attributes of aggregate items it read: what makes it slow (see view.ts). */
export async function measuredDashboard(
  ctx: Ctx,
  { from, to }: Period,
): Promise<{ dashboard: Dashboard; attributesRead: number }> {
  const asOf = new Date().toISOString();
  const tenantId = ctx.tenant.id;
  const recent = { from: addDays(to, -(RECENT_DAYS - 1)), to };
  const before = { from: addDays(recent.from, -BEFORE_DAYS), to: addDays(recent.from, -1) };
  const [days, words, totalsRead] = await Promise.all([
    collect(dayStats.between(tenantId, from, to)),
    collect(dayWords.between(tenantId, before.from, to)),
    totalsItem.get([tenantId]),
  ]);
  const totals: Record<string, unknown> = totalsRead ?? {};
  const count = (name: string) => Number(totals[name] ?? 0);
  const attributesRead = [...days, ...words].reduce(
    (sum, item) => sum + Object.keys(item).length + ((item.participants as Set<string> | undefined)?.size ?? 0),
    0,
  );
  const dashboard: Dashboard = {
    from,
    to,
    asOf,
    weeks: weekBuckets(from, to).map((week) => ({
      week: week.week,
      start: week.start,
      ...figures(days.filter((d) => d.sk >= week.firstDay && d.sk <= week.lastDay)),
    })),
    period: figures(days),
    funnel: IdeaStatus.options.map((status) => ({ status, count: count(attr.status(status)) })),
    sections: ctx.tenant.sections.map((section) => ({
      sectionId: section.id,
      count: count(attr.section(section.id)),
      categories: section.categories.map((c) => ({ categoryId: c.id, count: count(attr.category(section.id, c.id)) })),
    })),
    themes: {
      recent,
      before,
      items: risingThemes(
        termCounts(words.filter((w) => w.sk >= recent.from)),
        termCounts(words.filter((w) => w.sk < recent.from)),
      ),
    },
    contributors: await topContributors(tenantId, days),
  };
  return { dashboard, attributesRead };
}

function figures(days: DayItem[]) {
  const sum = (name: string) => days.reduce((total, day) => total + Number(day[name] ?? 0), 0);
  const active = new Set<string>();
  for (const day of days) for (const id of (day.participants as Set<string> | undefined) ?? []) active.add(id);
  return { ideas: sum('ideas'), votes: sum('votes'), comments: sum('comments'), activeMembers: active.size };
}

function termCounts(days: DayItem[]): TermCounts {
  const counts = new Map<string, number>();
  let texts = 0;
  for (const day of days) {
    texts += Number(day.texts ?? 0);
    for (const [term, n] of prefixed(day, PREFIX.term)) counts.set(term, (counts.get(term) ?? 0) + n);
  }
  return { counts, texts };
}

async function topContributors(tenantId: string, days: DayItem[]) {
  const activities = new Map<string, number>();
  for (const day of days) {
    for (const [memberId, n] of prefixed(day, PREFIX.contributor))
      activities.set(memberId, (activities.get(memberId) ?? 0) + n);
  }
  const top = [...activities].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, TOP_CONTRIBUTORS);
  const names = await memberNames(
    tenantId,
    top.map(([id]) => id),
  );
  return top.map(([memberId, n]) => ({ memberId, name: names.get(memberId) ?? null, activities: n }));
}
