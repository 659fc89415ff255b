import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // The server side of the pages calls the same core as the API; it never talks to DynamoDB itself.
    alias: { $core: '../functions/core' },
    csrf: { trustedOrigins: [] },
  },
};
