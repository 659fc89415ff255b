/** The team's dashboard: aggregates kept from the table's stream, read by day; and the CSV export of a period. */
export { aggregateChanges, AGGREGATE_LIMITS } from './aggregate.js';
export { type Dashboard } from './dashboard.js';
export { getDashboard, refreshDashboardViews, VIEW_TIMING } from './view.js';
export { exportCsv, exportCsvLink, exportFileName } from './export.js';
export { csvDocument, type Cell } from './csv.js';
export { resolvePeriod, type Period } from './period.js';

export { addDays } from './calendar.js';
