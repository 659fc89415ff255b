/** What pages may ship to the browser from errors: the texts and their rendering, no server code. */
export { isTextKey, type Text, type TextKey } from './text.js';
export { render } from './render.js';
