/** What pages may ship to the browser from tenant: modules that import nothing server-side. index.ts re-exports it. */

export { contrastRatio, nearestReadable } from './contrast.js';
export { localized } from './localized.js';
