import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // The server side of the pages calls the same core as the API; it never talks to DynamoDB itself.
    alias: { $core: '../functions/core' },
    csrf: { trustedOrigins: [] },
    // Only the app's own scripts run: SvelteKit hashes the inline start-up script it writes into
    // each page (hashes, not nonces, so a page stays the same bytes for the same content).
    // core/http adds the rest of the policy to every response.
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
  },
};
