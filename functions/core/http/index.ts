import { DomainError, say } from '../errors/index.js';

/**
 * What every response carries, pages and API alike, locally and in AWS (the edge adds HSTS, and
 * these to the files it serves from S3: infra/edge.ts). The CSP forbids being framed (clickjacking),
 * a <base> pointing elsewhere and plugins; pages add their own `script-src` (web/svelte.config.js):
 * only the app's scripts run there.
 */
export const SECURITY_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

/**
 * Sets them on a response whose headers can still change. A page's own policy (SvelteKit's
 * `script-src` with the hashes of its inline script) is kept, and these directives added to it.
 */
export function secure(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    const own = name === 'content-security-policy' ? headers.get(name) : null;
    headers.set(name, own ? `${own}; ${value}` : value);
  }
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

/**
 * Where to send someone back after signing in: a path of this site, or `/`. The URL parser
 * decides, as a browser would (`//evil.example`, `/\evil.example`, tabs and control characters
 * all leave the site), and only a path that stays on it is kept.
 */
export function sameSitePath(value: string | null | undefined): string {
  if (!value?.startsWith('/')) return '/';
  const base = 'http://portal.invalid';
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}

type Header = (name: string) => string | null | undefined;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from the portal's own pages. A browser names the page's
 * origin on every such request: another origin is refused whether or not a cookie comes along (a
 * cross-site form that signs a victim in as the attacker carries none), and so is a request the
 * browser marks cross-site, or a cookie without the portal's origin. Server-to-server calls send
 * neither. 403 otherwise.
 */
export function refuseCrossOrigin(method: string, header: Header, portalOrigin: string): void {
  if (SAFE_METHODS.has(method)) return;
  const origin = header('origin');
  const refused =
    origin != null ? origin !== portalOrigin : header('sec-fetch-site') === 'cross-site' || header('cookie') != null;
  if (refused) throw new DomainError('cross_origin', 403, say('access.crossOrigin'));
}

/**
 * The API reads JSON only: a state-changing request with a body of another type (a form or
 * `text/plain`, which a foreign page can post without asking) is refused with 415.
 */
export function refuseNonJson(method: string, header: Header, hasBody: boolean): void {
  const type = header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!SAFE_METHODS.has(method) && hasBody && type !== 'application/json')
    throw new DomainError('unsupported_media_type', 415, say('access.jsonOnly'));
}
