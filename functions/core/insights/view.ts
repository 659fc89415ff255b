import { authorize } from '../authz.js';
import { system, type Ctx } from '../context.js';
import { dashboardViews, itemExists, keyParts, type DashboardView } from '../db/index.js';
import type { Change } from '../stream/index.js';
import { getTenantById } from '../tenant/index.js';
import { computeDashboard, measuredDashboard, type Dashboard } from './dashboard.js';
import { resolvePeriod } from './period.js';

/*
 * A busy portal's day items reach the consumer's caps, and computing twelve weeks of them takes
 * seconds. So a portal whose default dashboard (the last twelve weeks) read more than
 * `busyAttributes` attributes of aggregates (set members included; about 50,000 take a few
 * hundred milliseconds on DynamoDB Local, the caps allow some 450,000) keeps it as a view: one item, read in one GetItem whatever the portal's size. The
 * stream consumer marks the view changed after each batch of that portal's activity and computes
 * it again at most every `refreshMs`; a load serves the view while it is current, or changed less
 * than `maxAgeMs` ago, and says when it was computed (`asOf`). A quiet portal never gets a view:
 * its dashboard is computed on each load, exact to the last event. Other periods are always
 * computed on demand.
 */
export const VIEW_TIMING = { busyAttributes: 50_000, refreshMs: 30_000, maxAgeMs: 120_000 };
export type ViewTiming = typeof VIEW_TIMING;

async function readView(tenantId: string): Promise<DashboardView | undefined> {
  return dashboardViews.get([tenantId], { consistent: true });
}

const ageMs = (iso: string) => Date.now() - new Date(iso).getTime();

/** The view may be served: computed for this period, and unchanged since or changed only lately. */
function servable(
  view: DashboardView | undefined,
  from: string,
  to: string,
  timing: ViewTiming,
): view is DashboardView {
  if (!view || view.from !== from || view.to !== to) return false;
  return !view.changedAt || view.changedAt < view.computedAt || ageMs(view.computedAt) <= timing.maxAgeMs;
}

async function computeAndKeep(ctx: Ctx, period: { from: string; to: string }): Promise<Dashboard> {
  return keep(ctx.tenant.id, period, await computeDashboard(ctx, period));
}

/** `asOf` (when the computation started) becomes `computedAt`: a change during the computation marks the view changed. */
async function keep(tenantId: string, period: { from: string; to: string }, dashboard: Dashboard): Promise<Dashboard> {
  const view: DashboardView = { ...period, dashboard: JSON.stringify(dashboard), computedAt: dashboard.asOf };
  await dashboardViews.create([tenantId], view);
  return dashboard;
}

/** The team's dashboard for a period of UTC days: from the portal's view when it has one that is current, else computed now. */
export async function getDashboard(ctx: Ctx, input: unknown, timing: ViewTiming = VIEW_TIMING): Promise<Dashboard> {
  authorize(ctx, 'ideas.moderate');
  const period = resolvePeriod(ctx, input);
  const usual = resolvePeriod(ctx, {});
  // The view is of the default period as of the clock; a request with a fixed clock (the seed, tests) never uses it.
  if (ctx.now || period.from !== usual.from || period.to !== usual.to) return computeDashboard(ctx, period);
  const view = await readView(ctx.tenant.id);
  if (servable(view, period.from, period.to, timing)) return JSON.parse(view.dashboard) as Dashboard;
  if (view) return computeAndKeep(ctx, period); // a busy portal's view, out of date: computed again and kept
  const { dashboard, attributesRead } = await measuredDashboard(ctx, period);
  if (attributesRead > timing.busyAttributes) await keep(ctx.tenant.id, period, dashboard);
  return dashboard;
}

/**
 * After a batch of stream changes: each portal they touched that keeps a view has it marked
 * changed, and computed again when its last computation is older than `refreshMs`.
 */
export async function refreshDashboardViews(changes: Change[], timing: ViewTiming = VIEW_TIMING): Promise<void> {
  const tenants = new Set<string>();
  for (const change of changes) {
    const pk = String((change.newImage ?? change.oldImage)?.pk ?? '');
    const tenantId = keyParts.tenantOf(pk);
    if (tenantId && keyParts.ideaPartition(pk)) tenants.add(tenantId);
  }
  for (const tenantId of tenants) {
    const now = new Date().toISOString();
    // No view: a quiet portal (the condition fails and nothing is written).
    const marked = await dashboardViews.changed([tenantId], {
      UpdateExpression: 'SET changedAt = :now',
      ...itemExists,
      ExpressionAttributeValues: { ':now': now },
    });
    if (!marked || ageMs(marked.computedAt) < timing.refreshMs) continue;
    const tenant = await getTenantById(tenantId);
    if (tenant) await computeAndKeep({ tenant, actor: system }, resolvePeriod({}, {}));
  }
}
