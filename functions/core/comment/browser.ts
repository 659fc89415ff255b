/** What pages may ship to the browser from comment: modules that import nothing server-side. index.ts re-exports it. */

export { COMMENT_LENGTH } from './limits.js';
