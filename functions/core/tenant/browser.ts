/** What pages may ship to the browser from tenant: modules that import nothing server-side. index.ts re-exports it. */

export { CONTRAST_PAIRS, contrastRatio, nearestReadable, readableOn, textOn } from './contrast.js';
export { isLang, LANGS, LOCALES, type Lang } from './lang.js';
export { localized } from './localized.js';
