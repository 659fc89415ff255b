import { error } from '@sveltejs/kit';
import { readBrandLogo } from '$core/tenant/index';
import type { RequestHandler } from './$types';

/** The portal's logo from S3; the key comes from the tenant record of this host, so no other tenant's file is reachable. */
export const GET: RequestHandler = async ({ locals, url }) => {
  if (locals.site.kind !== 'tenant') error(404, 'Not found');
  const logo = await readBrandLogo(locals.site.ctx).catch(() => error(404, 'No logo'));
  return new Response(logo.body as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': logo.contentType,
      'cache-control': url.searchParams.get('v') === logo.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      // A logo is only ever an image: nothing inside an SVG may run.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    },
  });
};
