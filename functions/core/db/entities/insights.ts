import { defineEntity, type QueryOptions } from '../entity.js';
import { keys } from '../keys.js';

/*
 * The dashboard's aggregates, kept by the stream consumer: per portal and UTC day the activity
 * (dayStats) and the words written (dayWords), the running totals, the markers that make each
 * stream event count once, and a busy portal's kept dashboard view. Their attributes are named
 * by what they count (`c#<member>`, `w#<term>`: insights/attributes.ts).
 */

type Counters = Record<string, unknown>;

const dayStat = defineEntity<Counters, [tenantId: string, day: string]>({ type: 'dayStats', key: keys.dayStats });
export const dayStats = {
  ...dayStat,
  /** The days from `from` to `to` (UTC, both included) that had activity. */
  between: (tenantId: string, from: string, to: string, options: Omit<QueryOptions, 'start' | 'limit'> = {}) =>
    dayStat.queryAll({ pk: keys.dayStatsPartition(tenantId), between: [from, to] }, options),
};

const dayWord = defineEntity<Counters, [tenantId: string, day: string]>({ type: 'dayWords', key: keys.dayWords });
export const dayWords = {
  ...dayWord,
  /** The days from `from` to `to` (UTC, both included) that had texts. */
  between: (tenantId: string, from: string, to: string) =>
    dayWord.queryAll({ pk: keys.dayWordsPartition(tenantId), between: [from, to] }),
};

export const totals = defineEntity<Counters, [tenantId: string]>({ type: 'totals', key: keys.totals });

/** That a stream event (or an idea's first publication) was counted; an event's marker expires. */
export const streamMarkers = defineEntity<{ countedAt: string; expiresAt?: number }, [tenantId: string, id: string]>({
  type: 'streamMarker',
  key: keys.streamMarker,
});

export interface DashboardView {
  from: string;
  to: string;
  /** The dashboard as JSON. */
  dashboard: string;
  computedAt: string;
  changedAt?: string;
}
export const dashboardViews = defineEntity<DashboardView, [tenantId: string]>({
  type: 'dashboardView',
  key: keys.dashboardView,
});
