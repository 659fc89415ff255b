import { error } from '@sveltejs/kit';
import { BRAND_IMAGES, readBrandImage, type BrandImageKind } from '$core/tenant/index';
import type { RequestHandler } from './$types';

/** The portal's logo, favicon or hero image from S3; the key comes from the tenant record of this host, so no other tenant's file is reachable. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  if (locals.site.kind !== 'tenant' || !(BRAND_IMAGES as readonly string[]).includes(params.kind))
    error(404, 'Not found');
  const image = await readBrandImage(locals.site.ctx, params.kind as BrandImageKind).catch(() =>
    error(404, 'No image'),
  );
  return new Response(image.body as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': image.contentType,
      'cache-control':
        url.searchParams.get('v') === image.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      // A brand image is only ever an image: nothing inside an SVG may run.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    },
  });
};
