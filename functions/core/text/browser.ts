/** What pages may ship to the browser from text: modules that import nothing server-side. index.ts re-exports it. */
export { fold } from './fold.js';
export { idFrom } from './words.js';
