/**
 * What every response carries, pages and API alike, locally and in AWS (the edge adds HSTS, and
 * these to the files it serves from S3: infra/edge.ts). The CSP forbids being framed (clickjacking),
 * a <base> pointing elsewhere and plugins; it does not restrict scripts yet, so it cannot break a page.
 */
export const SECURITY_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

/** Sets them on a response whose headers can still change. */
export function secure(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
}

/**
 * How brand images are served (by the edge from S3 in AWS, by the local server here): cached for
 * a year, since each version has its own key; and never anything but an image, so nothing inside
 * an SVG may run.
 */
export const BRAND_IMAGE_HEADERS = {
  'cache-control': 'public, max-age=31536000, immutable',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
} as const;
