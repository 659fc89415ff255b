/** What pages may ship to the browser from offer: modules that import nothing server-side. index.ts re-exports it. */

export { IP_STATUSES, MATURITIES, PARTNERSHIPS, TRLS, VISIBILITIES } from './engine/types.js';
