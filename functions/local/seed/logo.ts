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
