/** The aws folder's public surface: what other folders, the API and the web may use. */

export { attachCustomDomain, detachCustomDomain } from './edge-domains.js';
export { getObjectText } from './s3-get.js';
