import type { DemoPortal } from './types.js';

/** A simple monogram logo for a demo portal, as SVG. */
export function monogramSvg({ initials, background, foreground, shape }: DemoPortal['logo']): Uint8Array<ArrayBuffer> {
  const frame =
    shape === 'circle'
      ? `<circle cx="48" cy="48" r="48" fill="${background}"/>`
      : `<rect width="96" height="96" rx="14" fill="${background}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">${frame}<text x="48" y="60" font-family="Georgia, serif" font-size="38" font-weight="700" text-anchor="middle" fill="${foreground}">${initials}</text></svg>`;
  return new TextEncoder().encode(svg);
}

/**
 * A hero banner for a demo portal, as SVG: the brand's two colours in a soft diagonal wash with a
 * few rings, so the home page shows what a brand's own picture looks like there.
 */
export function heroSvg({ primary, accent, surface }: { primary: string; accent: string; surface: string }) {
  const rings = [
    [980, 60, 150, 0.18],
    [1110, 250, 90, 0.22],
    [180, 280, 120, 0.12],
    [640, -40, 110, 0.1],
  ]
    .map(
      ([x, y, r, o]) =>
        `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="${surface}" stroke-width="18" opacity="${o}"/>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 320" width="1200" height="320"><defs><linearGradient id="wash" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${primary}"/><stop offset="1" stop-color="${accent}"/></linearGradient></defs><rect width="1200" height="320" fill="url(#wash)"/>${rings}</svg>`;
  return new TextEncoder().encode(svg);
}
